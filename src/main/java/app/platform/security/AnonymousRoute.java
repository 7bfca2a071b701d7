package app.platform.security;

import org.springframework.http.HttpMethod;

/**
 * An {@code /api/v1} route that answers without an access token (sign-up, log-in, the calculators). Modules
 * declare theirs as beans; every other {@code /api/v1} route needs a valid token. Anonymous routes are rate limited
 * per client address.
 *
 * @param method the HTTP method, or {@code null} for all
 * @param pattern a path pattern such as {@code /api/v1/tools/**}
 */
public record AnonymousRoute(HttpMethod method, String pattern) {

    public static AnonymousRoute get(String pattern) {
        return new AnonymousRoute(HttpMethod.GET, pattern);
    }

    public static AnonymousRoute post(String pattern) {
        return new AnonymousRoute(HttpMethod.POST, pattern);
    }

    public static AnonymousRoute any(String pattern) {
        return new AnonymousRoute(null, pattern);
    }
}
