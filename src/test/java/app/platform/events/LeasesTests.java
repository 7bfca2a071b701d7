package app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.platform.time.MovableClock;

/** Which leases a claim may take over, and which claims an instance renews. */
class LeasesTests {

    private static final Duration TERM = Duration.ofMinutes(2);
    private static final Duration MAX_PROCESSING = Duration.ofMinutes(30);

    private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2026-12-02T03:00:00Z"));
    private final UUID publication = UUID.randomUUID();

    @Test
    void aLiveLeaseOfAnotherInstanceHoldsUntilItExpires() {
        Leases other = shared();
        Lease theirs = other.next();
        Leases mine = shared();

        assertThat(mine.claimable(publication, theirs.until(), theirs.owner())).isFalse();
        clock.advance(TERM.plusMillis(1));
        assertThat(mine.claimable(publication, theirs.until(), theirs.owner())).isTrue();
        assertThat(mine.claimable(publication, null, null)).as("never claimed").isTrue();
    }

    @Test
    void anInstanceKeepsItsRunningClaimsButTakesOverThoseWhoseListenerEnded() {
        Leases mine = shared();
        Lease lease = mine.next();
        mine.hold(publication, lease);

        assertThat(mine.claimable(publication, lease.until(), lease.owner())).as("listener running").isFalse();
        mine.release(publication);
        assertThat(mine.claimable(publication, lease.until(), lease.owner())).as("listener ended").isTrue();
    }

    @Test
    void aSoleInstanceTakesOverTheLeasesOfItsEarlierRunButNotOfALaterInstance() {
        Lease earlierRun = shared().next();
        clock.advance(Duration.ofSeconds(5));
        Leases sole = new Leases(clock, TERM, MAX_PROCESSING, true);
        clock.advance(Duration.ofSeconds(5));
        Lease later = shared().next();

        assertThat(sole.claimable(publication, earlierRun.until(), earlierRun.owner())).isTrue();
        assertThat(sole.claimable(publication, later.until(), later.owner())).isFalse();
        assertThat(shared().claimable(publication, earlierRun.until(), earlierRun.owner()))
                .as("where instances share the registry").isFalse();
    }

    @Test
    void aClaimIsRenewedOnceAThirdOfItsLeaseHasPassedAndGivenUpAfterTheMaximumProcessingTime() {
        Leases mine = shared();
        Lease lease = mine.next();
        mine.hold(publication, lease);

        assertThat(mine.due().renew()).as("fresh").isEmpty();
        clock.advance(TERM.dividedBy(3).plusMillis(1));
        Leases.Due due = mine.due();
        assertThat(due.renew()).extracting(Map.Entry::getKey).containsExactly(publication);
        mine.renewed(publication, due.renew().getFirst().getValue(), lease.extendedTo(due.until()));

        clock.advance(MAX_PROCESSING);
        assertThat(mine.due().abandoned()).containsExactly(publication);
        assertThat(mine.due().renew()).isEmpty();
        assertThat(mine.held(publication)).as("still held: its listener may yet end").isPresent();
    }

    private Leases shared() {
        return new Leases(clock, TERM, MAX_PROCESSING, false);
    }
}
