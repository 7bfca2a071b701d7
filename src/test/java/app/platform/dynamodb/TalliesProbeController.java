package app.platform.dynamodb;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a test that runs the application in its own JVM put events in flight and read their effects: one
 * {@link TallyIncremented} per tally {@code <run>-<i>}, each published by its own transaction.
 */
@RestController
class TalliesProbeController {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Tallies tallies;
    private final TallyListener listener;

    TalliesProbeController(ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            Tallies tallies, TallyListener listener) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.tallies = tallies;
        this.listener = listener;
    }

    /** Publishes {@code count} events; those of tallies {@code <run>-held-*} wait in their listener. */
    @PostMapping("/test/tallies")
    void publish(@RequestParam String run, @RequestParam int count, @RequestParam(defaultValue = "0") int held) {
        listener.hold(run + "-held-");
        IntStream.range(0, count).forEach(i -> {
            String owner = run + (i < held ? "-held-" : "-free-") + i;
            transaction.executeWithoutResult(status -> events.publishEvent(new TallyIncremented(UUID.randomUUID(),
                    owner)));
        });
    }

    /** The counts of the run's tallies, in publication order (0 for a tally not written yet). */
    @GetMapping("/test/tallies")
    List<Integer> counts(@RequestParam String run, @RequestParam int count, @RequestParam(defaultValue = "0") int held) {
        return IntStream.range(0, count)
                .mapToObj(i -> run + (i < held ? "-held-" : "-free-") + i)
                .map(owner -> tallies.find(Tally.key(owner)).map(Tally::getCount).orElse(0))
                .toList();
    }
}
