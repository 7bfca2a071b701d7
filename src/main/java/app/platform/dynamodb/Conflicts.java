package app.platform.dynamodb;

import java.util.function.Supplier;

/**
 * Retrying work that reads an item and writes it back over the version it read. {@link DynamoRepository#update} is
 * such a read-change-save of one item with the retries built in.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /**
     * Runs {@code attempt} again while it loses a race ({@link ItemConflict}: another writer changed or created the
     * item between its read and its write), at most {@code attempts} times; the last conflict then propagates. The
     * attempt must read the item afresh each time.
     */
    public static <T> T retryOnConflict(int attempts, Supplier<T> attempt) {
        ItemConflict lastConflict = null;
        for (int run = 0; run < attempts; run++) {
            try {
                return attempt.get();
            }
            catch (ItemConflict anotherWriterWasFaster) {
                lastConflict = anotherWriterWasFaster;
            }
        }
        throw lastConflict;
    }
}
