package app.users;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Log-in and token refresh (OAuth 2.0 style bearer tokens). */
@RestController
@RequestMapping("/api/v1/users")
class SessionsController {

    private final Sessions sessions;

    SessionsController(Sessions sessions) {
        this.sessions = sessions;
    }

    record LogIn(String email, String password) {
    }

    record Refresh(String refreshToken) {
    }

    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {

        static Tokens of(IssuedTokens issued) {
            return new Tokens(issued.accessToken(), "Bearer", issued.expiresIn(), issued.refreshToken());
        }
    }

    @PostMapping("/login")
    Tokens logIn(@RequestBody LogIn request, HttpServletRequest http) {
        return Tokens.of(sessions.logIn(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/token/refresh")
    Tokens refresh(@RequestBody Refresh request) {
        return Tokens.of(sessions.refresh(request.refreshToken()));
    }
}
