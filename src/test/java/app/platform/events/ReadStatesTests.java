package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;

/**
 * The read states behind the compare-and-set of resubmission claims: kept as long as the caller of the lookup holds
 * the publications it may claim, however many, and no longer.
 */
class ReadStatesTests {

    @Test
    void everyPublicationTheCallerStillHoldsKeepsTheStateItWasReadIn() {
        ReadStates states = new ReadStates();
        List<StoredPublication> read = IntStream.range(0, 25_000).mapToObj(i -> failed(i % 5 + 1)).toList();
        read.forEach(states::remember);

        assertThat(read).allSatisfy(publication -> assertThat(states.take(publication.getIdentifier()))
                .isEqualTo(new ReadStates.Read(Status.FAILED, publication.getCompletionAttempts())));
        assertThat(states.take(read.getFirst().getIdentifier())).as("taken once").isNull();
    }

    @Test
    void theStateOfAPublicationNoLongerHeldIsDropped() {
        ReadStates states = new ReadStates();
        IntStream.range(0, 1_000).forEach(i -> states.remember(failed(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return states.size() == 0;
        });
    }

    @Test
    void theStateIsTheOneReadEvenWhenThePublicationIsMarkedCompletedInMemoryLater() {
        ReadStates states = new ReadStates();
        StoredPublication publication = failed(2);
        states.remember(publication);

        publication.markCompleted(Instant.now());

        assertThat(states.take(publication.getIdentifier())).isEqualTo(new ReadStates.Read(Status.FAILED, 2));
    }

    private static StoredPublication failed(int attempts) {
        return new StoredPublication(UUID.randomUUID(), RegistryProbe.class.getName(), () -> null,
                PublicationTargetIdentifier.of("read-states.listener"), Instant.now(), Status.FAILED, null, attempts,
                Instant.now(), false, null, null);
    }
}
