package app.platform.events;

import java.time.Instant;

/**
 * An instance's claim on a publication: until when it holds, which instance holds it ({@link Leases#owner()}), and
 * which claim it is, so that a renewal extends only the claim it renews.
 */
record Lease(Instant until, String owner, String id) {

    Lease extendedTo(Instant newUntil) {
        return new Lease(newUntil, owner, id);
    }
}
