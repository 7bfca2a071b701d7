package app.users;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.platform.security.AnonymousRoute;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersSettings.class)
class UsersConfiguration {

    /**
     * Argon2id with the OWASP recommended minimum (19 MiB of memory, 2 passes, 1 lane). Hashes carry their
     * parameters, so raising them later still verifies old hashes.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    AnonymousRoute signUpRoute() {
        return AnonymousRoute.post("/api/v1/users");
    }

    @Bean
    AnonymousRoute logInRoute() {
        return AnonymousRoute.post("/api/v1/users/login");
    }

    @Bean
    AnonymousRoute tokenRefreshRoute() {
        return AnonymousRoute.post("/api/v1/users/token/refresh");
    }
}
