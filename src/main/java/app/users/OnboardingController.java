package app.users;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.security.CurrentUser;
import app.platform.web.NotFound;

/** A new account's onboarding: its state, and running the steps that failed again. */
@RestController
@RequestMapping("/api/v1/users/me/onboarding")
class OnboardingController {

    private final Onboarding onboarding;

    OnboardingController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** {@code status}: RUNNING, COMPLETED or FAILED (a step failed or timed out; see the steps, then retry). */
    @GetMapping
    Onboarding.State state(CurrentUser caller) {
        return onboarding.of(caller.id()).orElseThrow(() -> new NotFound("No onboarding for this account"));
    }

    /** Runs the steps that failed or timed out again (none: nothing happens) and answers the state. */
    @PostMapping("/retry")
    Onboarding.State retry(CurrentUser caller) {
        return onboarding.retry(caller.id()).orElseThrow(() -> new NotFound("No onboarding for this account"));
    }
}
