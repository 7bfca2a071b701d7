package app.integrations;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/**
 * A webhook URL the platform will not call: not {@code https}, malformed, or reaching a private, loopback,
 * link-local or otherwise non-public address. {@code 400 urn:problem-type:webhook-url-refused}.
 */
class WebhookRefused extends ProblemException {

    WebhookRefused(String reason) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.of("webhook-url-refused"), "Webhook URL refused", reason);
    }
}
