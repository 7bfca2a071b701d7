package app.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;

/**
 * Reads the decimal parameters of a calculator exactly (as {@link BigDecimal}, never through {@code double}) and
 * collects every problem before answering, so a client sees all its mistakes at once.
 */
final class Amounts {

    private final Map<String, String> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    Amounts(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** A required number that must be zero or more. */
    BigDecimal nonNegative(String name) {
        BigDecimal value = number(name);
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(name, "must be zero or more"));
        }
        return value;
    }

    /** A required number that must be more than zero. */
    BigDecimal positive(String name) {
        BigDecimal value = number(name);
        if (value != null && value.signum() <= 0) {
            errors.add(new FieldError(name, "must be more than zero"));
        }
        return value;
    }

    /** A required number. */
    BigDecimal number(String name) {
        String text = parameters.get(name);
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.abs().compareTo(MAX) > 0) {
                errors.add(new FieldError(name, "must be between -" + MAX.toPlainString() + " and " + MAX.toPlainString()));
                return null;
            }
            return value;
        }
        catch (NumberFormatException notANumber) {
            errors.add(new FieldError(name, "must be a decimal number such as 1250.50, not '" + abbreviate(text) + "'"));
            return null;
        }
    }

    /** Adds a rule that involves several parameters. */
    void require(boolean holds, String field, String message) {
        if (!holds) {
            errors.add(new FieldError(field, message));
        }
    }

    /** Throws {@link InvalidInput} with every problem found so far. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static final BigDecimal MAX = new BigDecimal("1000000000000000");

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
