package app.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

/**
 * Accounts and the tokens the users module issues.
 *
 * @param accessTokenLifetime how long an access token is accepted
 * @param refreshTokenLifetime how long a refresh token can be exchanged, if not spent first
 * @param signingKeyLifetime how long one signing key signs before the next one takes over; the previous key stays
 *     published for verification
 * @param abandonedSignUpAge how old an e-mail address claim must be, without its account, before another sign-up may
 *     take it over (what a crash between the claim and the account leaves behind)
 * @param logInFailuresPerAccount failed log-ins an account tolerates per {@code logInFailureWindow} before further
 *     attempts are refused for a while
 * @param logInFailuresPerAddress failed log-ins a client address may make per {@code logInFailureWindow}, over all
 *     accounts
 * @param logInFailureWindow the window of the two failure budgets
 * @param planCacheTtl how long an instance reuses a user's plan for rate limiting; a change made on this instance
 *     applies at once, one made on another instance within this time
 * @param demo the demo account created at start-up (local development)
 * @param onboardingStepTimeout how long each step of a new account's onboarding may take to answer before it shows
 *     as timed out (and can be retried)
 */
@Validated
@ConfigurationProperties("app.users")
record UsersSettings(@DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime, @DefaultValue("30d") Duration signingKeyLifetime,
        @DefaultValue("5m") Duration abandonedSignUpAge, @DefaultValue("5") @Positive int logInFailuresPerAccount,
        @DefaultValue("20") @Positive int logInFailuresPerAddress, @DefaultValue("15m") Duration logInFailureWindow,
        @DefaultValue("1s") Duration planCacheTtl, @Valid @DefaultValue Demo demo,
        @DefaultValue("2m") Duration onboardingStepTimeout) {

    /**
     * @param enabled whether to create the account when it is missing
     * @param email its e-mail address
     * @param password its password (documented in the README; never enable this in a shared environment)
     */
    record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("demo@example.com") String email,
            @DefaultValue("content-demo-2026") String password, @DefaultValue("Demo User") String displayName) {
    }
}
