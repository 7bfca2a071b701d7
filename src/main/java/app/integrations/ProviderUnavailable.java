package app.integrations;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/** The provider's token endpoint failed or answered something unusable: {@code 502}. Nothing was stored. */
class ProviderUnavailable extends ProblemException {

    ProviderUnavailable(String provider, String reason) {
        super(HttpStatus.BAD_GATEWAY, ProblemTypes.of("oauth-provider-unavailable"), "Provider unavailable",
                "The token endpoint of " + provider + " did not issue tokens (" + reason + "); try again later.");
    }
}
