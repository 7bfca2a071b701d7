/**
 * The content library: saved content, its versions and collaborative editing. Saves generated
 * content through the content saga and publishes {@code library.content.saved} and {@code user.content.viewed}.
 */
@ApplicationModule(displayName = "Library", allowedDependencies = { "platform", "studio" })
package app.library;

import org.springframework.modulith.ApplicationModule;
