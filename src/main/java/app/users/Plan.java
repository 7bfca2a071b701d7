package app.users;

import java.util.Arrays;
import java.util.Locale;

/** A subscription plan, ordered from the smallest to the largest. Its id ({@code free}, ...) is what the API shows. */
public enum Plan {
    FREE, PRO, BUSINESS;

    /** The plan's id in the API and in events. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plan with this id, if there is one. */
    static java.util.Optional<Plan> ofId(String id) {
        return Arrays.stream(values()).filter(plan -> plan.id().equals(id)).findFirst();
    }
}
