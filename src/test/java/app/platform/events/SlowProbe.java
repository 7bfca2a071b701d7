package app.platform.events;

/** An event whose listener ({@link SlowListener}) runs until the test lets it finish. */
record SlowProbe(String run) {
}
