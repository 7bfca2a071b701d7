package app.platform.events;

/** An event of the registry tests; each test uses its own {@code run} so that tests sharing the table never mix. */
record RegistryProbe(String run, int number) {
}
