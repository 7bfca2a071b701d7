/**
 * The content library: saved content, its versions and collaborative editing. Saves generated
 * content through the content saga and publishes {@code library.content.saved} and {@code user.content.viewed}.
 * Owners share an item with collaborators (found by e-mail address in the library's copy of the users), who may read
 * and edit it and follow its STOMP topic {@code /topic/library/items/{id}} (presence and edits).
 */
@ApplicationModule(displayName = "Library", allowedDependencies = { "platform", "studio", "users" })
package app.library;

import org.springframework.modulith.ApplicationModule;
