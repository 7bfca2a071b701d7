package app.users;

/** What a log-in or a refresh answers: a bearer access token, its lifetime in seconds and a single-use refresh token. */
record IssuedTokens(String accessToken, long expiresIn, String refreshToken) {
}
