package app.brand;

/**
 * One thing an audit found.
 *
 * @param rule {@code banned-term}, {@code required-term}, {@code length}, {@code readability} or {@code tone}
 * @param term the term concerned, for the term rules
 */
record Finding(String rule, String term, String message) {
}
