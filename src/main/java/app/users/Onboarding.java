package app.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import app.platform.saga.SagaStep;
import app.platform.saga.SagaSteps;
import tools.jackson.databind.json.JsonMapper;

/**
 * The onboarding saga of a new account, kept on the account: create the account (users) → set up a brand profile
 * with defaults (brand) → initialize the AI preferences (studio) → send the welcome e-mail (notification). Each step
 * is started by {@code user.account.created} and reports back by event. No step undoes the account: a step that
 * fails for good, or does not answer within {@code app.users.onboarding-step-timeout}, leaves the onboarding
 * {@code FAILED} with the step's reason, and {@link #retry} runs the failed steps again. Nothing acts on a timeout
 * but the user reading the state, so steps are timed out when the state is read.
 */
@Service
class Onboarding {

    static final String ACCOUNT = "account";
    static final String BRAND_PROFILE = "brand-profile";
    static final String AI_PREFERENCES = "ai-preferences";
    static final String WELCOME_EMAIL = "welcome-email";
    private static final List<String> STARTED_BY_SIGN_UP = List.of(BRAND_PROFILE, AI_PREFERENCES, WELCOME_EMAIL);
    /** No step is decisive and none compensates: the account stays whatever a later step does. */
    private static final SagaSteps.Rules RULES = new SagaSteps.Rules(Set.of(), Set.of());

    /** The onboarding as the API shows it. */
    record State(String status, List<SagaStep> steps) {
    }

    private final Users users;
    private final UsersSettings settings;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Onboarding(Users users, UsersSettings settings, ApplicationEventPublisher events, JsonMapper json,
            Clock clock) {
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A new account: its own step is done, the others are expected within the step timeout. */
    void begin(User user, Instant now) {
        SagaSteps steps = new SagaSteps(List.of(SagaStep.completed(ACCOUNT, now)), RULES);
        STARTED_BY_SIGN_UP.forEach(step -> steps.put(SagaStep.pending(step, now,
                now.plus(settings.onboardingStepTimeout()))));
        write(user, steps);
    }

    void stepCompleted(String userId, String step) {
        change(userId, user -> {
            SagaSteps steps = stepsOf(user);
            steps.put(SagaStep.completed(step, clock.instant()));
            write(user, steps);
        });
    }

    void stepFailed(String userId, String step, String reason) {
        change(userId, user -> {
            SagaSteps steps = stepsOf(user);
            steps.put(SagaStep.failed(step, clock.instant(), reason));
            write(user, steps);
        });
    }

    /** The state as of now, with the steps that did not answer in time shown (and stored) as timed out. */
    Optional<State> of(String userId) {
        return of(userId, clock.instant());
    }

    Optional<State> of(String userId, Instant asOf) {
        Optional<User> found = users.find(User.key(userId));
        if (found.isEmpty() || found.get().getOnboardingSteps() == null) {
            return Optional.empty();
        }
        if (!stepsOf(found.get()).overdueAt(asOf).isEmpty()) {
            change(userId, user -> {
                SagaSteps steps = stepsOf(user);
                steps.overdueAt(asOf).forEach(step -> steps.put(step.timedOutAt(clock.instant(),
                        "no answer within " + settings.onboardingStepTimeout().toSeconds() + " s")));
                write(user, steps);
            });
            found = users.find(User.key(userId));
        }
        return found.map(user -> new State(user.getOnboardingStatus(), stepsOf(user).list()));
    }

    /** Runs the steps that failed or timed out again; does nothing when none did. */
    Optional<State> retry(String userId) {
        change(userId, user -> {
            SagaSteps steps = stepsOf(user);
            Instant now = clock.instant();
            List<String> again = steps.list().stream().filter(SagaStep::hasFailed).map(SagaStep::name).toList();
            if (again.isEmpty()) {
                return;
            }
            again.forEach(step -> steps.put(SagaStep.pending(step, now, now.plus(settings.onboardingStepTimeout()))));
            write(user, steps);
            events.publishEvent(new OnboardingRetried(UUID.randomUUID(), user.getId(), user.getEmail(),
                    user.getDisplayName(), user.getPlan(), again));
        });
        return of(userId);
    }

    private SagaSteps stepsOf(User user) {
        return SagaSteps.read(json, user.getOnboardingSteps(), RULES);
    }

    /** The steps and the status the API shows: a step that failed or timed out makes the onboarding FAILED. */
    private void write(User user, SagaSteps steps) {
        user.setOnboardingSteps(steps.write(json));
        user.setOnboardingStatus(switch (steps.status()) {
            case COMPLETED -> "COMPLETED";
            case INCOMPLETE -> "FAILED";
            default -> "RUNNING";
        });
    }

    private void change(String userId, Consumer<User> change) {
        users.updateIfChanged(User.key(userId), user -> {
            if (user.getOnboardingSteps() == null) {
                return false;
            }
            change.accept(user);
            return true;
        });
    }
}
