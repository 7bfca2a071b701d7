package app.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.platform.security.CurrentUser;

/** The caller's own activity. */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private final ActivityTracking tracking;

    AnalyticsController(ActivityTracking tracking) {
        this.tracking = tracking;
    }

    record Generations(int total, int completed, int failed, BigDecimal successRate) {
    }

    record Summary(Generations generations, int contentViews, List<String> featuresUsed) {
    }

    @GetMapping("/summary")
    Summary summary(CurrentUser caller) {
        UserActivity activity = tracking.of(caller.id()).orElseGet(() -> UserActivity.of(caller.id()));
        int completed = activity.getGenerationsCompleted();
        int failed = activity.getGenerationsFailed();
        int total = completed + failed;
        BigDecimal successRate = total == 0 ? null
                : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        return new Summary(new Generations(total, completed, failed, successRate), activity.getContentViews(),
                List.copyOf(activity.getFeaturesUsed()));
    }
}
