package app.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import app.platform.web.ProblemResponseWriter;
import app.platform.web.ProblemTypes;

/**
 * Limits {@code /api/v1/**}: a signed-in caller by user and current plan, anyone else by client address. Runs after
 * authentication (it needs the user) and before authorization. Every answer carries the budget in the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers; a refused request gets {@code 429}, {@code Retry-After}
 * and Problem Details {@code rate-limited}. Nothing else (web page, API documentation, actuator) is limited.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String ANONYMOUS_POLICY = "anonymous";

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final ObjectProvider<PlanLookup> plans;
    private final ProblemResponseWriter problems;

    RateLimitFilter(RateLimiter limiter, RateLimitSettings settings, ObjectProvider<PlanLookup> plans,
            ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.settings = settings;
        this.plans = plans;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RateLimitDecision decision;
        if (authentication instanceof JwtAuthenticationToken token) {
            String userId = token.getToken().getSubject();
            RateLimit limit = limitOf(userId);
            // A plan change starts a fresh budget of the new plan.
            decision = limiter.consume("user:" + userId + ":" + limit.policy(), limit);
        }
        else {
            decision = limiter.consume("address:" + request.getRemoteAddr(),
                    RateLimit.perMinute(ANONYMOUS_POLICY, settings.anonymousPerMinute()));
        }
        writeHeaders(decision, response);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(decision.retryAfter().toMillis() / 1000.0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemDetail problem = ProblemResponseWriter.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many requests", "The " + decision.limit().policy() + " budget of " + decision.limit().limit()
                        + " requests per minute is spent. Retry in " + retryAfter + " s.");
        problem.setProperty("retryAfterSeconds", retryAfter);
        problems.write(request, response, problem);
    }

    private RateLimit limitOf(String userId) {
        PlanLookup lookup = plans.getIfAvailable();
        String plan = lookup == null ? settings.defaultPlan() : lookup.planOf(userId).orElse(settings.defaultPlan());
        return RateLimit.perMinute(plan, settings.perMinuteFor(plan));
    }

    /** draft-ietf-httpapi-ratelimit-headers: {@code "pro";q=600;w=60} and {@code "pro";r=599;t=1}. */
    private static void writeHeaders(RateLimitDecision decision, HttpServletResponse response) {
        RateLimit limit = decision.limit();
        long resetSeconds = (long) Math.ceil(decision.resetAfter().toMillis() / 1000.0);
        response.setHeader("RateLimit-Policy",
                "\"%s\";q=%d;w=%d".formatted(limit.policy(), limit.limit(), limit.period().toSeconds()));
        response.setHeader("RateLimit",
                "\"%s\";r=%d;t=%d".formatted(limit.policy(), decision.remaining(), resetSeconds));
    }
}
