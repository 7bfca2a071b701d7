package bench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.security.CurrentUser;

/**
 * The same small handler twice: once outside {@code /api/v1} (no security, no rate limit) and once behind the whole
 * gateway (JWT verification, plan lookup, Redis rate limit, security headers), so the difference is the gateway.
 */
@RestController
class BenchEndpoints {

    record Echo(String caller, String message) {
    }

    @GetMapping("/bench/bare")
    Echo bare() {
        return new Echo("anonymous", "hello");
    }

    @GetMapping("/api/v1/bench/echo")
    Echo full(CurrentUser caller) {
        return new Echo(caller.id(), "hello");
    }
}
