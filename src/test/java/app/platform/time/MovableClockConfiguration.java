package app.platform.time;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * In the test profile the application's {@link Clock} is a {@link MovableClock} that follows the system clock until a
 * test moves it. Found by component scanning like the application's own configuration, so the test contexts stay
 * the ones they were.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class MovableClockConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
