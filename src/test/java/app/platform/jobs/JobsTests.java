package app.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.platform.PlatformIntegrationTest;
import app.platform.blobs.BlobStore;

/**
 * The job facility: units run in order with their outcomes stored; a job whose worker died is taken over once its
 * lease expired and resumes at its first unit without an outcome; one whose workers keep dying fails visibly.
 * (The test profile's lease is 2 s, swept every 250 ms, at most 3 runs.) A dying worker's error is uncaught on
 * purpose, so the waits here do not fail on uncaught errors.
 */
@PlatformIntegrationTest
class JobsTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JobItems items;

    @Autowired
    CountingWorker worker;

    @Autowired
    BlobStore blobs;

    @Autowired
    Clock clock;

    @Test
    void aJobRunsEveryUnitInOrderAndCompletesWithItsOutcomesAndResult() {
        String owner = "owner-" + UUID.randomUUID();

        JobState submitted = jobs.submit(owner, CountingWorker.KIND, 4, "one bad three four".getBytes(
                StandardCharsets.UTF_8));

        assertThat(submitted.status()).isEqualTo(JobStatus.PENDING);
        JobState done = awaitFinal(owner, submitted.id());
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.outcomes()).containsExactly(UnitOutcome.succeeded(0, "one"), UnitOutcome.failed(1, "bad word"),
                UnitOutcome.succeeded(2, "three"), UnitOutcome.succeeded(3, "four"));
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.result()).containsEntry("words", "3");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(jobs.find(owner, "another.kind", submitted.id())).as("a job is found under its own kind only")
                .isEmpty();
        assertThat(jobs.find("someone-else", CountingWorker.KIND, submitted.id())).isEmpty();
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAfterItsLeaseAndResumesAtTheUnitThatHadNoOutcome() {
        String owner = "owner-" + UUID.randomUUID();
        JobState submitted = jobs.submit(owner, CountingWorker.KIND, 4, "alpha beta gamma! delta".getBytes(
                StandardCharsets.UTF_8));

        waiting(Duration.ofSeconds(10)).until(() -> worker.died.contains(submitted.id() + ":2"));
        Job stalled = items.find(Job.key(owner, submitted.id())).orElseThrow();
        assertThat(stalled.status()).as("no one ended the job when its worker died").isEqualTo(JobStatus.RUNNING);
        assertThat(stalled.getDone()).isEqualTo(2);

        JobState resumed = awaitFinal(owner, submitted.id());

        assertThat(resumed.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.outcomes()).extracting(UnitOutcome::reference).containsExactly("alpha", "beta", "gamma!",
                "delta");
        assertThat(worker.processed.stream().filter(unit -> unit.startsWith(submitted.id())))
                .as("units with a stored outcome do not run again")
                .containsExactly(submitted.id() + ":0", submitted.id() + ":1", submitted.id() + ":2",
                        submitted.id() + ":3");
    }

    @Test
    void aJobLeftRunningByAStoppedInstanceIsTakenOverAndOneWhoseWorkersKeepStoppingFails() {
        String owner = "owner-" + UUID.randomUUID();
        Instant expired = clock.instant().minusSeconds(1);
        Job orphan = stored(owner, "left behind", 2, 1, expired);
        Job hopeless = stored(owner, "left behind again", 3, 3, expired);
        Job alive = stored(owner, "still running", 2, 1, clock.instant().plus(Duration.ofHours(1)));

        JobState takenOver = awaitFinal(owner, orphan.getId());
        JobState failed = awaitFinal(owner, hopeless.getId());

        assertThat(takenOver.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(takenOver.outcomes()).extracting(UnitOutcome::reference).containsExactly("left", "behind");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failureReason()).contains("stopped 3 times");
        jobs.sweep();
        Job untouched = items.find(Job.key(owner, alive.getId())).orElseThrow();
        assertThat(untouched.status()).as("a job whose lease runs is left to its worker").isEqualTo(JobStatus.RUNNING);
        assertThat(untouched.getAttempts()).isEqualTo(1);
    }

    @Test
    void aCancelledJobEndsAtOnceAndItsWorkerStopsBeforeTheNextUnit() {
        String owner = "owner-" + UUID.randomUUID();
        Job running = stored(owner, "one two three", 3, 1, clock.instant().plus(Duration.ofHours(1)));

        JobState cancelled = jobs.cancel(owner, CountingWorker.KIND, running.getId()).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(jobs.cancel(owner, CountingWorker.KIND, running.getId()).orElseThrow().status())
                .isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.cancel("someone-else", CountingWorker.KIND, running.getId())).isEmpty();
        assertThat(items.find(Job.key(owner, running.getId())).orElseThrow().getGsi1pk())
                .as("an ended job leaves the lease index").isNull();
    }

    /** A job as an instance that stopped left it: running, with the given number of runs behind it. */
    private Job stored(String owner, String words, int units, int attempts, Instant leaseUntil) {
        String id = UUID.randomUUID().toString();
        Job job = Job.submitted(id, owner, CountingWorker.KIND, units, clock.instant(), leaseUntil);
        job.setStatus(JobStatus.RUNNING.name());
        job.setRunId("run-of-a-stopped-instance");
        job.setAttempts(attempts);
        items.create(job);
        blobs.put(Jobs.blobFolder(id) + "/input", words.getBytes(StandardCharsets.UTF_8));
        return job;
    }

    private JobState awaitFinal(String owner, String id) {
        return waiting(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> jobs.find(owner, CountingWorker.KIND, id).orElseThrow(), job -> job.status().isFinal());
    }

    private static ConditionFactory waiting(Duration atMost) {
        return await().dontCatchUncaughtExceptions().atMost(atMost);
    }
}
