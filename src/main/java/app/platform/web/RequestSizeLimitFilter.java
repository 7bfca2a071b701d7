package app.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code app.web.max-request-size} (1 MB by default) before anything reads it, with
 * Problem Details {@code 413}. Bodies without a declared length are bounded by the server's own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemResponseWriter problems;

    RequestSizeLimitFilter(@Value("${app.web.max-request-size:1MB}") DataSize limit, ProblemResponseWriter problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Answers as the advice would: this runs before Spring MVC, where the advice cannot. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, ProblemResponseWriter.problem(HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than " + limit + " bytes"));
    }
}
