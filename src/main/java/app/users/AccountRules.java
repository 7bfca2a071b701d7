package app.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.platform.web.InvalidInput;
import app.platform.web.InvalidInput.FieldError;

/**
 * What an account's fields must be. Every offending field is reported at once, so a sign-up form can mark them all.
 * Passwords: 12 to 128 characters and not one of the {@link CommonPasswords}; no composition rules (NIST SP 800-63B).
 */
@Component
class AccountRules {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_DISPLAY_NAME = 100;
    private static final int MAX_PROFILE_FIELD = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private final CommonPasswords commonPasswords;

    AccountRules(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** The address as stored and compared: trimmed, lower case. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void checkSignUp(String email, String password, String displayName) {
        List<FieldError> errors = new ArrayList<>();
        checkEmail(email, errors);
        checkPassword(password, errors);
        checkDisplayName(displayName, errors);
        throwIfAny(errors);
    }

    void checkProfile(ProfileChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.displayName() != null) {
            checkDisplayName(change.displayName(), errors);
        }
        checkLength("industry", change.industry(), errors);
        checkLength("tone", change.tone(), errors);
        if (change.language() != null && !change.language().isEmpty()
                && !LANGUAGE_TAG.matcher(change.language()).matches()) {
            errors.add(new FieldError("language", "must be a language tag such as en or pt-BR"));
        }
        throwIfAny(errors);
    }

    private static void checkEmail(String email, List<FieldError> errors) {
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "is required"));
        }
        else if (email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.com"));
        }
    }

    private void checkPassword(String password, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "is required"));
            return;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            errors.add(new FieldError("password",
                    "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long"));
        }
        else if (commonPasswords.contains(password)) {
            errors.add(new FieldError("password", "is one of the most common passwords; choose another"));
        }
    }

    private static void checkDisplayName(String displayName, List<FieldError> errors) {
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldError("displayName", "is required"));
        }
        else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
    }

    private static void checkLength(String field, String value, List<FieldError> errors) {
        if (value != null && value.strip().length() > MAX_PROFILE_FIELD) {
            errors.add(new FieldError(field, "must be at most " + MAX_PROFILE_FIELD + " characters"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
