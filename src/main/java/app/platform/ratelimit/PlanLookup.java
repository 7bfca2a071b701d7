package app.platform.ratelimit;

import java.util.Optional;

/**
 * Tells a user's current plan, asked on every request so a plan change applies at once, also to access tokens
 * issued before it. Implemented by the module that owns accounts; the platform knows no business module.
 */
public interface PlanLookup {

    /** The id of the user's plan (e.g. {@code pro}), if the user exists. */
    Optional<String> planOf(String userId);
}
