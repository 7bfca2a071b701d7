package app.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import app.platform.web.ProblemResponseWriter;
import app.platform.web.ProblemTypes;

/**
 * Answers {@code 401} (no valid access token) and {@code 403} (valid token, not allowed) as Problem Details, with the
 * {@code WWW-Authenticate} header RFC 6750 asks for. The detail never says which check failed.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenial = new BearerTokenAccessDeniedHandler();
    private final ProblemResponseWriter problems;

    ProblemAuthenticationHandlers(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerChallenge.commence(request, response, failure);
        problems.write(request, response, ProblemResponseWriter.problem(HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHORIZED, "Unauthorized",
                "This route needs a valid access token: send 'Authorization: Bearer <token>' from the log-in."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenial.handle(request, response, denied);
        problems.write(request, response, ProblemResponseWriter.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "Your access token does not allow this."));
    }
}
