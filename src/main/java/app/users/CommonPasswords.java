package app.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The 30,000 most common passwords of the xato leak corpus, as shipped by the zxcvbn password strength estimator
 * (a dependency kept for this list). Compared case-insensitively: {@code Password1234} is as weak as
 * {@code password1234}.
 */
@Component
class CommonPasswords {

    private static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> passwords;

    CommonPasswords() {
        this.passwords = load();
    }

    boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The common password list " + LIST + " is not on the class path");
            }
            Set<String> passwords = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(passwords);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read the common password list " + LIST, e);
        }
    }
}
