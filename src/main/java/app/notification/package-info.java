/**
 * The in-app inbox, the server-sent event stream and e-mail. Turns failures, expired
 * connections and finished background jobs into notifications for the user.
 */
@ApplicationModule(displayName = "Notification",
        allowedDependencies = { "platform", "studio", "library", "users", "research", "integrations" })
package app.notification;

import org.springframework.modulith.ApplicationModule;
