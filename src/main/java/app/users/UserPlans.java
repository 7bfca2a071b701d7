package app.users;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.platform.ratelimit.PlanLookup;

/**
 * Users' current plans for the platform's rate limiter, read from the account on each request, with a very short
 * per-instance memory ({@code app.users.plan-cache-ttl}) that a plan change on this instance clears.
 */
@Component
class UserPlans implements PlanLookup {

    private final Users users;
    private final Cache<String, String> recent;

    UserPlans(Users users, UsersSettings settings) {
        this.users = users;
        this.recent = Caffeine.newBuilder().expireAfterWrite(settings.planCacheTtl()).maximumSize(100_000).build();
    }

    @Override
    public Optional<String> planOf(String userId) {
        String known = recent.getIfPresent(userId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> plan = users.find(User.key(userId)).map(user -> user.currentPlan().id());
        plan.ifPresent(id -> recent.put(userId, id));
        return plan;
    }

    void forget(String userId) {
        recent.invalidate(userId);
    }
}
