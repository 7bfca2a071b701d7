package app.platform.security;

/**
 * The authenticated caller of a request: the subject of its access token. Declare a controller method parameter of
 * this type to receive it; every owned resource is looked up by this id, so another user's resource is never found.
 *
 * @param id the user's id
 */
public record CurrentUser(String id) {
}
