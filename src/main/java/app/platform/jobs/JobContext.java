package app.platform.jobs;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The job a worker runs: its id, owner and size, and its input, read once per run. */
public final class JobContext {

    private final String id;
    private final String owner;
    private final int total;
    private final Supplier<Optional<byte[]>> input;
    private Object parsed;

    JobContext(String id, String owner, int total, Supplier<Optional<byte[]>> input) {
        this.id = id;
        this.owner = owner;
        this.total = total;
        this.input = input;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public int total() {
        return total;
    }

    /**
     * The job's input as given to {@link Jobs#submit}, turned into what the worker needs by {@code reader}; read and
     * turned once per run, whatever the number of units.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T input(Function<byte[], T> reader) {
        if (parsed == null) {
            parsed = reader.apply(input.get().orElseThrow(() -> new IllegalStateException(
                    "The input of job " + id + " is gone")));
        }
        return (T) parsed;
    }

    /** A blob key of this job's own, for what its units produce (removed with the job's input when it ends). */
    public String blobKey(String name) {
        return Jobs.blobFolder(id) + "/" + name;
    }
}
