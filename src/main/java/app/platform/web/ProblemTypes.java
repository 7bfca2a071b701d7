package app.platform.web;

import java.net.URI;

/**
 * Stable {@code type} URIs of the Problem Details (RFC 9457) this application answers with. Clients branch on these,
 * never on the {@code title} or {@code detail} text.
 */
public final class ProblemTypes {

    private static final String BASE = "urn:problem-type:";

    /** A write lost a race: the item changed since it was read. */
    public static final URI STALE_ITEM = of("stale-item");
    /** A create found the item already there. */
    public static final URI DUPLICATE_ITEM = of("duplicate-item");
    /** A pagination cursor was altered or belongs to another collection. */
    public static final URI INVALID_CURSOR = of("invalid-cursor");
    /** A field of the request is missing or wrong; {@code errors} lists each one. */
    public static final URI INVALID_INPUT = of("invalid-input");
    /** The resource does not exist, or is not the caller's. */
    public static final URI NOT_FOUND = of("not-found");
    /** The body is not readable JSON, or not of the expected shape. */
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    /** The body's media type is not one the endpoint reads. */
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    /** The endpoint cannot answer in any media type the client accepts. */
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    /** The endpoint exists but not for this HTTP method; {@code Allow} lists the ones it takes. */
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    /** The request body is over the size limit. */
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    /**
     * The change and the events it publishes do not fit in one stored item (DynamoDB's 400 KB); retrying the same
     * request cannot succeed.
     */
    public static final URI TRANSACTION_TOO_LARGE = of("transaction-too-large");
    /** A store the request needs (DynamoDB) does not answer; retry after the indicated time. */
    public static final URI DEPENDENCY_UNAVAILABLE = of("dependency-unavailable");
    /** The request has no valid access token (missing, expired, altered, or for another issuer or audience). */
    public static final URI UNAUTHORIZED = of("unauthorized");
    /** The caller is known but may not do this. */
    public static final URI FORBIDDEN = of("forbidden");
    /** Too many requests for the caller's budget; {@code Retry-After} says when to try again. */
    public static final URI RATE_LIMITED = of("rate-limited");
    /** The application failed in a way the client cannot fix; the detail carries no internals. */
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** A type URI for a kind of problem, e.g. {@code of("quota-exceeded")}. */
    public static URI of(String kind) {
        return URI.create(BASE + kind);
    }
}
