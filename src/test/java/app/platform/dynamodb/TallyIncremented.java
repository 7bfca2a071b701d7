package app.platform.dynamodb;

import java.util.UUID;

/** Asks the owner's tally to count one more; carries its own id so its effect can be applied once. */
public record TallyIncremented(UUID eventId, String owner) {
}
