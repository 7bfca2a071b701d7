package app.platform.jobs;

/**
 * What one unit of a job came to: a reference to what it produced (a generation id, a file name), or why it failed.
 *
 * @param unit the unit's index, from 0
 * @param reference what the unit produced, or {@code null}
 * @param error why the unit failed, or {@code null} when it succeeded
 */
public record UnitOutcome(int unit, String reference, String error) {

    static final int MAX_TEXT = 200;

    public UnitOutcome {
        reference = bounded(reference);
        error = bounded(error);
    }

    public static UnitOutcome succeeded(int unit, String reference) {
        return new UnitOutcome(unit, reference, null);
    }

    public static UnitOutcome failed(int unit, String error) {
        return new UnitOutcome(unit, null, error == null ? "failed" : error);
    }

    public boolean isSuccess() {
        return error == null;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
