/**
 * Small calculators for marketers and sellers: pure functions of their input, so their answers are
 * cacheable at every layer up to the CDN. Publishes and consumes no events.
 */
@ApplicationModule(displayName = "Tools", allowedDependencies = "platform")
package app.tools;

import org.springframework.modulith.ApplicationModule;
