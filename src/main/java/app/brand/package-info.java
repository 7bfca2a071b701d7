/**
 * Brand profiles (voice, banned and required terms) and brand audits of generated content.
 * Reacts to generated listings by auditing them and publishes {@code brand.audit.completed}.
 */
@ApplicationModule(displayName = "Brand", allowedDependencies = { "platform", "studio", "users" })
package app.brand;

import org.springframework.modulith.ApplicationModule;
