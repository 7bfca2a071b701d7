package app.studio;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** An upload over the endpoint's own limit (bytes or rows): {@code 413 urn:problem-type:payload-too-large}. */
class UploadTooLarge extends ProblemException {

    UploadTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", detail);
    }
}
