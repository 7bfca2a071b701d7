package app.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import app.platform.dynamodb.DuplicateItem;
import app.platform.dynamodb.StaleItem;
import app.platform.web.InvalidInput;
import app.platform.web.NotFound;

/**
 * Sign-up, profile and plan changes. Each change of an account is one transaction of the account item and its
 * event.
 *
 * <p>An e-mail address is unique through its {@link EmailClaim}: the claim is written first with a put-if-absent
 * (one conditional write decides between concurrent sign-ups), then the account with its
 * {@link UserAccountCreated} event. A crash between the two leaves a claim without an account; it blocks the
 * address for {@code app.users.abandoned-sign-up-age}, after which the next sign-up takes it over with a versioned
 * write.
 */
@Service
class UserManagement {


    private final Users users;
    private final EmailClaims claims;
    private final AccountRules rules;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final UsersSettings settings;
    private final UserPlans plans;
    private final Onboarding onboarding;

    UserManagement(Users users, EmailClaims claims, AccountRules rules, PasswordEncoder passwords,
            ApplicationEventPublisher events, TransactionOperations transactions, Clock clock,
            UsersSettings settings, UserPlans plans, Onboarding onboarding) {
        this.users = users;
        this.claims = claims;
        this.rules = rules;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.plans = plans;
        this.onboarding = onboarding;
    }

    User signUp(String email, String password, String displayName) {
        rules.checkSignUp(email, password, displayName);
        String address = AccountRules.normalizeEmail(email);
        String hash = passwords.encode(password);
        Instant now = clock.instant();
        User user = User.create(UUID.randomUUID().toString(), address, hash, displayName.strip(), now);
        claim(address, user.getId(), now);
        onboarding.begin(user, now);
        transactions.executeWithoutResult(status -> {
            users.create(user);
            events.publishEvent(new UserAccountCreated(UUID.randomUUID(), user.getId(), address,
                    user.getDisplayName(), user.getPlan()));
        });
        return user;
    }

    Optional<User> find(String userId) {
        return users.find(User.key(userId));
    }

    /** Applies the change to the account as it is now (a concurrent write, an onboarding step say, is retried over). */
    User updateProfile(String userId, ProfileChange change) {
        rules.checkProfile(change);
        return users.update(User.key(userId), user -> {
            if (change.displayName() != null) {
                user.setDisplayName(change.displayName().strip());
            }
            user.setIndustry(updated(user.getIndustry(), change.industry()));
            user.setTone(updated(user.getTone(), change.tone()));
            user.setLanguage(updated(user.getLanguage(), change.language()));
            events.publishEvent(new UserProfileUpdated(UUID.randomUUID(), user.getId(), user.getDisplayName(),
                    user.getIndustry(), user.getTone(), user.getLanguage()));
        }).orElseThrow(() -> noAccount(userId));
    }

    User changePlan(String userId, String planId) {
        Plan plan = Plan.ofId(planId == null ? "" : planId)
                .orElseThrow(() -> InvalidInput.of("plan", "must be one of free, pro, business"));
        User changed = users.updateIfChanged(User.key(userId), user -> {
            Plan previous = user.currentPlan();
            if (previous == plan) {
                return false;
            }
            user.setPlan(plan.id());
            events.publishEvent(plan.compareTo(previous) > 0
                    ? new UserSubscriptionUpgraded(UUID.randomUUID(), userId, previous.id(), plan.id())
                    : new UserSubscriptionDowngraded(UUID.randomUUID(), userId, previous.id(), plan.id()));
            return true;
        }).orElseThrow(() -> noAccount(userId));
        plans.forget(userId);
        return changed;
    }

    private void claim(String address, String userId, Instant now) {
        try {
            claims.create(EmailClaim.of(address, userId, now));
        }
        catch (DuplicateItem taken) {
            EmailClaim claim = claims.find(EmailClaim.key(address)).orElseThrow(EmailAlreadyRegistered::new);
            boolean abandoned = users.find(User.key(claim.getUserId())).isEmpty()
                    && claim.getClaimedAt().plus(settings.abandonedSignUpAge()).isBefore(now);
            if (!abandoned) {
                throw new EmailAlreadyRegistered();
            }
            claim.transferTo(userId, now);
            try {
                claims.save(claim);
            }
            catch (StaleItem anotherSignUpTookItFirst) {
                throw new EmailAlreadyRegistered();
            }
        }
    }

    private static NotFound noAccount(String userId) {
        return new NotFound("No account " + userId);
    }

    private static String updated(String current, String change) {
        if (change == null) {
            return current;
        }
        return change.isBlank() ? null : change.strip();
    }
}
