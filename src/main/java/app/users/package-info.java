/**
 * Accounts, credentials, profiles and subscription plans, and the local issuer of access tokens.
 * Publishes {@code user.account.created}, {@code user.profile.updated} and the subscription change events that
 * other modules use to keep their own copies of a user's plan and preferences.
 */
@ApplicationModule(displayName = "Users", allowedDependencies = "platform")
package app.users;

import org.springframework.modulith.ApplicationModule;
