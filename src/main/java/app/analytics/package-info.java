/**
 * Event tracking and business metrics: generation success rates, engagement, feature adoption
 * and revenue attribution per module. Only consumes events; publishes none.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "platform", "users", "studio", "library", "brand" })
package app.analytics;

import org.springframework.modulith.ApplicationModule;
