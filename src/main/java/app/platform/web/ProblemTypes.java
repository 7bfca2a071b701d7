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
    /** The application failed in a way the client cannot fix; the detail carries no internals. */
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** A type URI for a kind of problem, e.g. {@code of("quota-exceeded")}. */
    public static URI of(String kind) {
        return URI.create(BASE + kind);
    }
}
