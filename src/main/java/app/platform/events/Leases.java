package app.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.platform.dynamodb.SortableTime;

/**
 * The lease terms of this instance and the claims it holds: publications it claimed ({@code PROCESSING},
 * {@code RESUBMITTED}) whose listener has not ended yet. A claim is held from the claim until the listener's outcome is
 * recorded ({@link #release}); while held, its lease is renewed ({@link #due}), for at most {@code maxProcessing}, so
 * that a hung listener is eventually taken over.
 *
 * <p>Which leases a claim may take over: an expired one; one of this instance that it no longer holds (its listener
 * ended, but recording that failed); and, where this instance is the only one using the registry ({@code soleInstance}),
 * one of an instance started before it, which can only be an earlier run of itself, stopped.
 */
final class Leases {

    private final Clock clock;
    private final Duration term;
    private final Duration maxProcessing;
    private final boolean soleInstance;
    private final String startedAt;
    private final String owner;
    private final Map<UUID, Claim> held = new ConcurrentHashMap<>();

    /** A claim held here, since {@code claimedAt}; {@code abandoned} once held for longer than maxProcessing. */
    record Claim(Lease lease, Instant claimedAt, boolean abandoned) {
    }

    Leases(Clock clock, Duration term, Duration maxProcessing, boolean soleInstance) {
        this.clock = clock;
        this.term = term;
        this.maxProcessing = maxProcessing;
        this.soleInstance = soleInstance;
        this.startedAt = SortableTime.format(clock.instant());
        this.owner = startedAt + "/" + UUID.randomUUID();
    }

    Instant now() {
        return clock.instant();
    }

    /** This instance in {@code leaseOwner}: its start time first, so that earlier instances sort before it. */
    String owner() {
        return owner;
    }

    /** Owners that sort before this are instances started before this one. */
    String startedAt() {
        return startedAt;
    }

    boolean soleInstance() {
        return soleInstance;
    }

    Duration term() {
        return term;
    }

    /** A new claim's lease, from now. */
    Lease next() {
        return new Lease(clock.instant().plus(term), owner, UUID.randomUUID().toString());
    }

    void hold(UUID publication, Lease lease) {
        held.put(publication, new Claim(lease, clock.instant(), false));
    }

    Optional<Lease> held(UUID publication) {
        return Optional.ofNullable(held.get(publication)).map(Claim::lease);
    }

    /** Stops holding the publication (its listener ended); the lease it held, if any. */
    Optional<Lease> release(UUID publication) {
        return Optional.ofNullable(held.remove(publication)).map(Claim::lease);
    }

    /** Stops holding the publication if it still holds this claim; whether it did. */
    boolean release(UUID publication, Claim claim) {
        return held.remove(publication, claim);
    }

    /**
     * The claims to renew now: held ones whose lease ends within two thirds of the term, so that a listener shorter
     * than a third of the term never costs a renewal. A claim held for longer than maxProcessing is marked abandoned
     * and no longer renewed; the answer says which claims were abandoned now.
     */
    Due due() {
        Instant now = clock.instant();
        Instant renewBefore = now.plus(term.multipliedBy(2).dividedBy(3));
        List<Map.Entry<UUID, Claim>> renew = new ArrayList<>();
        List<UUID> abandoned = new ArrayList<>();
        held.forEach((publication, claim) -> {
            if (claim.abandoned() || !claim.lease().until().isBefore(renewBefore)) {
                return;
            }
            if (!claim.claimedAt().plus(maxProcessing).isBefore(now)) {
                renew.add(Map.entry(publication, claim));
            }
            else if (held.replace(publication, claim, new Claim(claim.lease(), claim.claimedAt(), true))) {
                abandoned.add(publication);
            }
        });
        return new Due(renew, abandoned, now.plus(term));
    }

    /** Records a renewal, unless the claim was released meanwhile. */
    void renewed(UUID publication, Claim claim, Lease renewed) {
        held.replace(publication, claim, new Claim(renewed, claim.claimedAt(), false));
    }

    /**
     * Whether a claim may take over the lease of a publication read in this state: no lease, an expired one, or one
     * this instance may take over (see the class comment).
     */
    boolean claimable(UUID publication, Instant leaseUntil, String leaseOwner) {
        if (leaseUntil == null || leaseUntil.isBefore(clock.instant())) {
            return true;
        }
        if (held.containsKey(publication)) {
            return false;
        }
        return owner.equals(leaseOwner) || soleInstance && leaseOwner != null && leaseOwner.compareTo(startedAt) < 0;
    }

    /**
     * @param renew the claims to renew, each until {@code until}
     * @param abandoned the publications held for longer than maxProcessing, no longer renewed from now on
     */
    record Due(List<Map.Entry<UUID, Claim>> renew, List<UUID> abandoned, Instant until) {
    }
}
