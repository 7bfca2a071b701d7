package app.integrations;

import org.springframework.http.HttpStatus;

import app.platform.web.ProblemException;
import app.platform.web.ProblemTypes;

/**
 * The provider sent the user back with an error (e.g. {@code access_denied}) or refused the authorization code:
 * {@code 400}. Nothing is stored.
 */
class AuthorizationRefused extends ProblemException {

    AuthorizationRefused(String provider, String error) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.of("oauth-authorization-refused"), "Authorization refused",
                provider + " did not authorize the connection (" + error + ").");
    }
}
