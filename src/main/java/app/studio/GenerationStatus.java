package app.studio;

/** Where a generation is: accepted, being written, done, or given up with a reason. */
enum GenerationStatus {
    PENDING, RUNNING, COMPLETED, FAILED
}
