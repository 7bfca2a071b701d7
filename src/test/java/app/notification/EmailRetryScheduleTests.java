package app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait before the next e-mail attempt doubles with each failure, up to the longest wait. */
class EmailRetryScheduleTests {

    private final NotificationSettings.Email email = new NotificationSettings.Email(true, 8, Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(15), 100);

    @ParameterizedTest
    @CsvSource({ "1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "5, PT8M", "6, PT10M", "40, PT10M" })
    void theWaitDoublesUpToTheLongest(int failedAttempts, Duration wait) {
        assertThat(email.retryAfter(failedAttempts)).isEqualTo(wait);
    }
}
