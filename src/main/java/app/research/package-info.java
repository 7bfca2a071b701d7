/**
 * Keyword and competitor trackers, ranking history and market alert rules. Publishes
 * {@code research.ranking.changed} and {@code research.market.alert} for live pushes and notifications.
 */
@ApplicationModule(displayName = "Research", allowedDependencies = "platform")
package app.research;

import org.springframework.modulith.ApplicationModule;
