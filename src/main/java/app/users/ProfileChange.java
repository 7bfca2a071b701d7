package app.users;

/**
 * A partial update of a profile ({@code PATCH /api/v1/users/me}): a field left out (or {@code null}) stays as it
 * is; an empty string clears an optional field.
 */
record ProfileChange(String displayName, String industry, String tone, String language) {
}
