package app.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import app.platform.blobs.BlobStore;
import app.platform.dynamodb.ItemConflict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits, runs, reports and cancels background jobs.
 *
 * <p>A submitted job is stored {@code PENDING} with a lease and handed to this instance's pool (at most
 * {@code app.jobs.concurrency} jobs at once, on platform threads). Its worker claims it ({@code RUNNING}, a new run id,
 * a fresh lease), then runs its units in order: after each one the outcome, the progress and a renewed lease are
 * stored in one versioned write, and the job is read again, so a cancellation stops it before its next unit. After
 * the last unit the worker's {@link JobWorker#finish} produces the result, and the job is stored {@code COMPLETED}
 * together with {@link BackgroundJobCompleted} (one transaction). Cancelling ends the job at once ({@code CANCELLED},
 * with the event); a unit already running still records its outcome.
 *
 * <p>Crash safety: a job whose lease expired (its instance died or stopped before the job ran or while it ran) is
 * found by the sweeper through the sparse lease index and taken over: a new run resumes at the first unit without a
 * stored outcome (so at most that one unit runs twice). After {@code app.jobs.max-attempts} runs it is
 * {@code FAILED} instead, with the reason and the event.
 */
@Service
public class Jobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final int SWEEP_BATCH = 50;
    private static final TypeReference<List<UnitOutcome>> OUTCOMES = new TypeReference<>() {
    };

    private final JobItems items;
    private final BlobStore blobs;
    private final ObjectProvider<JobWorker> workerBeans;
    private volatile Map<String, JobWorker> workers;
    private final JobSettings settings;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService pool;
    private final Set<String> onThisInstance = ConcurrentHashMap.newKeySet();

    /** The workers are looked up when first needed: a module's worker usually submits through this class too. */
    Jobs(JobItems items, BlobStore blobs, ObjectProvider<JobWorker> workers, JobSettings settings,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.items = items;
        this.blobs = blobs;
        this.workerBeans = workers;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(settings.concurrency(),
                Thread.ofPlatform().name("job-", 0).daemon(true).factory());
    }

    /**
     * Stores a new job and starts it on this instance as soon as the pool has room.
     *
     * @param kind the kind of a {@link JobWorker} of this application
     * @param units how many units the job has (at most {@code app.jobs.max-units})
     * @param input what the worker reads through {@link JobContext#input}, or {@code null}; kept in the blob store
     *     until the job ends
     */
    public JobState submit(String owner, String kind, int units, byte[] input) {
        if (!workers().containsKey(kind)) {
            throw new IllegalArgumentException("No worker for jobs of kind " + kind);
        }
        if (units < 0 || units > settings.maxUnits()) {
            throw new IllegalArgumentException("A job has 0 to " + settings.maxUnits() + " units, not " + units);
        }
        String id = UUID.randomUUID().toString();
        if (input != null) {
            blobs.put(inputKey(id), input);
        }
        Instant now = clock.instant();
        Job job = Job.submitted(id, owner, kind, units, now, now.plus(settings.lease()));
        items.create(job);
        start(owner, id, false);
        return stateOf(job);
    }

    /** The owner's job of this kind; another user's job, or a job of another kind, is not found. */
    public Optional<JobState> find(String owner, String kind, String id) {
        return items.find(Job.key(owner, id)).filter(job -> job.getKind().equals(kind)).map(this::stateOf);
    }

    /**
     * Cancels the owner's job of this kind: a job not ended yet becomes {@code CANCELLED} (its worker stops before
     * its next unit); an ended job stays as it is.
     *
     * @return the job after the cancellation, or empty when there is no such job
     */
    public Optional<JobState> cancel(String owner, String kind, String id) {
        AtomicBoolean neverRan = new AtomicBoolean();
        Optional<Job> job = items.updateIfChanged(Job.key(owner, id), found -> {
            neverRan.set(false);
            if (!found.getKind().equals(kind) || found.status().isFinal()) {
                return false;
            }
            neverRan.set(found.status() == JobStatus.PENDING);
            found.end(JobStatus.CANCELLED, null, clock.instant());
            publishEnded(found);
            return true;
        }).filter(found -> found.getKind().equals(kind));
        if (neverRan.get()) {
            blobs.deleteAll(blobFolder(id));
        }
        return job.map(this::stateOf);
    }

    /**
     * Takes over the jobs whose lease expired (their worker stopped), except those running on this instance.
     *
     * @return how many were handed to the pool or failed for good
     */
    int sweep() {
        Instant now = clock.instant();
        int taken = 0;
        for (int shard = 0; shard < Job.LEASE_SHARDS; shard++) {
            for (Job expired : items.leaseExpired(shard, now, SWEEP_BATCH)) {
                if (onThisInstance.contains(expired.getId()) || !workers().containsKey(expired.getKind())) {
                    continue;
                }
                log.info("Job {} ({}) lost its worker; taking it over at unit {} of {}", expired.getId(),
                        expired.getKind(), expired.getDone(), expired.getTotal());
                start(expired.getOwner(), expired.getId(), true);
                taken++;
            }
        }
        return taken;
    }

    @Scheduled(initialDelayString = "${app.jobs.sweep-interval:5s}", fixedDelayString = "${app.jobs.sweep-interval:5s}")
    void sweepRegularly() {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            log.warn("Job sweep failed; retrying at the next interval: {}", e.toString());
        }
    }

    /** Stops this instance's workers; their jobs' leases expire and another instance takes them over. */
    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    private Map<String, JobWorker> workers() {
        if (workers == null) {
            workers = workerBeans.orderedStream()
                    .collect(Collectors.toUnmodifiableMap(JobWorker::kind, Function.identity()));
        }
        return workers;
    }

    static String blobFolder(String jobId) {
        return "jobs/" + jobId;
    }

    private static String inputKey(String jobId) {
        return blobFolder(jobId) + "/input";
    }

    private void start(String owner, String id, boolean takeOver) {
        if (!onThisInstance.add(id)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    run(owner, id, takeOver);
                }
                catch (RuntimeException e) {
                    log.warn("Run of job {} stopped ({}); its lease expires and the job is taken over", id,
                            e.toString());
                }
                finally {
                    onThisInstance.remove(id);
                }
            });
        }
        catch (RejectedExecutionException stopping) {
            onThisInstance.remove(id);
        }
    }

    private void run(String owner, String id, boolean takeOver) {
        Optional<Job> claimed = claim(owner, id, takeOver);
        if (claimed.isEmpty()) {
            return;
        }
        Job job = claimed.get();
        String runId = job.getRunId();
        JobWorker worker = workers().get(job.getKind());
        JobContext context = new JobContext(id, owner, job.getTotal(), () -> blobs.read(inputKey(id)));
        Duration pause = worker.pauseBetweenUnits();
        for (int unit = job.getDone(); unit < job.getTotal(); unit++) {
            if (unit > job.getDone() && !pause.isZero() && !pausedFor(pause)) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Optional<Job> current = items.find(Job.key(owner, id));
            if (current.isEmpty() || !isMyRun(current.get(), runId)) {
                stopped(current);
                return;
            }
            Optional<Job> recorded = record(owner, id, runId, process(worker, context, unit));
            if (recorded.isEmpty() || !isMyRun(recorded.get(), runId)) {
                stopped(recorded);
                return;
            }
        }
        complete(owner, id, runId, worker, context);
    }

    private static boolean isMyRun(Job job, String runId) {
        return job.status() == JobStatus.RUNNING && runId.equals(job.getRunId());
    }

    /** A worker that stops because its job ended (cancelled) cleans up; one taken over leaves it to the new run. */
    private void stopped(Optional<Job> job) {
        job.filter(ended -> ended.status().isFinal()).ifPresent(ended -> blobs.deleteAll(blobFolder(ended.getId())));
    }

    private static boolean pausedFor(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static UnitOutcome process(JobWorker worker, JobContext context, int unit) {
        try {
            UnitOutcome outcome = worker.process(context, unit);
            return outcome.unit() == unit ? outcome : new UnitOutcome(unit, outcome.reference(), outcome.error());
        }
        catch (RuntimeException e) {
            log.warn("Unit {} of job {} failed", unit, context.id(), e);
            return UnitOutcome.failed(unit, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Takes the job for a new run with one versioned write: a first run takes it while {@code PENDING}; a takeover
     * only once its lease expired, and fails it instead once it has had {@code max-attempts} runs.
     */
    private Optional<Job> claim(String owner, String id, boolean takeOver) {
        AtomicReference<ClaimOutcome> outcome = new AtomicReference<>(ClaimOutcome.NONE);
        Optional<Job> stored;
        try {
            stored = items.updateIfChanged(Job.key(owner, id), job -> {
                outcome.set(claimOutcome(job, takeOver, clock.instant()));
                switch (outcome.get()) {
                    case CLAIMED -> {
                        Instant now = clock.instant();
                        job.setStatus(JobStatus.RUNNING.name());
                        job.setRunId(UUID.randomUUID().toString());
                        job.setAttempts(job.getAttempts() + 1);
                        job.setLeaseUntil(now.plus(settings.lease()));
                        if (job.getStartedAt() == null) {
                            job.setStartedAt(now);
                        }
                    }
                    case GAVE_UP -> {
                        job.end(JobStatus.FAILED, "Its worker stopped " + job.getAttempts() + " times before it ended; "
                                + job.getDone() + " of " + job.getTotal() + " units had ended", clock.instant());
                        publishEnded(job);
                    }
                    case NONE -> {
                        return false;
                    }
                }
                return true;
            });
        }
        catch (ItemConflict anotherInstanceKeptWinning) {
            return Optional.empty();
        }
        if (outcome.get() == ClaimOutcome.GAVE_UP) {
            blobs.deleteAll(blobFolder(id));
            stored.ifPresent(job -> log.warn("Job {} failed: {}", id, job.getFailureReason()));
        }
        return outcome.get() == ClaimOutcome.CLAIMED ? stored : Optional.empty();
    }

    /** What a claim does with the job as read: take it for a new run, give up on it, or leave it. */
    private ClaimOutcome claimOutcome(Job job, boolean takeOver, Instant now) {
        if (job.status().isFinal() || !workers().containsKey(job.getKind())
                || !takeOver && job.status() != JobStatus.PENDING
                || takeOver && job.getLeaseUntil() != null && job.getLeaseUntil().isAfter(now)) {
            return ClaimOutcome.NONE;
        }
        return takeOver && job.getAttempts() >= settings.maxAttempts() ? ClaimOutcome.GAVE_UP : ClaimOutcome.CLAIMED;
    }

    private enum ClaimOutcome {
        NONE, CLAIMED, GAVE_UP
    }

    /**
     * Stores a unit's outcome with the progress and a renewed lease; the unit must be the next one the job expects,
     * and the run still the job's (or the job ended meanwhile: a cancelled job still gets its last unit's outcome).
     *
     * @return the job as stored, or empty when the run was taken over
     */
    private Optional<Job> record(String owner, String id, String runId, UnitOutcome outcome) {
        return items.updateIfChanged(Job.key(owner, id), job -> {
            boolean mine = isMyRun(job, runId);
            if (!mine && !job.status().isFinal() || job.getDone() != outcome.unit()) {
                return false;
            }
            List<UnitOutcome> outcomes = new ArrayList<>(outcomesOf(job));
            outcomes.add(outcome);
            job.setOutcomes(json.writeValueAsString(outcomes));
            job.setDone(job.getDone() + 1);
            job.setFailed(job.getFailed() + (outcome.isSuccess() ? 0 : 1));
            if (mine) {
                job.setLeaseUntil(clock.instant().plus(settings.lease()));
            }
            return true;
        }).filter(job -> isMyRun(job, runId) || job.status().isFinal());
    }

    private void complete(String owner, String id, String runId, JobWorker worker, JobContext context) {
        Map<String, String> result;
        String failure = null;
        try {
            Job current = items.find(Job.key(owner, id)).orElseThrow();
            result = worker.finish(context, outcomesOf(current));
        }
        catch (RuntimeException e) {
            log.warn("Job {} failed at its end", id, e);
            result = Map.of();
            failure = "Its result could not be produced: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        Map<String, String> produced = result;
        String reason = failure;
        items.updateIfChanged(Job.key(owner, id), job -> {
            if (!isMyRun(job, runId)) {
                return false;
            }
            job.setResult(produced);
            job.end(reason == null ? JobStatus.COMPLETED : JobStatus.FAILED, reason, clock.instant());
            publishEnded(job);
            return true;
        });
        blobs.deleteAll(blobFolder(id));
    }

    /** Publishes that the job ended, in the transaction that stores it ended. */
    private void publishEnded(Job job) {
        JobWorker worker = workers().get(job.getKind());
        events.publishEvent(new BackgroundJobCompleted(UUID.randomUUID(), job.getId(), job.getOwner(),
                job.getKind(), worker == null ? job.getKind() : worker.title(), job.getStatus(), job.getTotal(),
                job.getDone(), job.getFailed(), summaryOf(job)));
    }

    private static String summaryOf(Job job) {
        String units = job.getDone() + " of " + job.getTotal();
        return switch (job.status()) {
            case COMPLETED -> units + " done" + (job.getFailed() > 0 ? ", " + job.getFailed() + " failed." : ".");
            case CANCELLED -> "Cancelled after " + units + ".";
            case FAILED -> "Failed after " + units + ": " + job.getFailureReason();
            default -> units + " done so far.";
        };
    }

    private List<UnitOutcome> outcomesOf(Job job) {
        return json.readValue(job.getOutcomes(), OUTCOMES);
    }

    private JobState stateOf(Job job) {
        return new JobState(job.getId(), job.getOwner(), job.getKind(), job.status(), job.getTotal(), job.getDone(),
                job.getFailed(), outcomesOf(job), Map.copyOf(job.getResult()), job.getFailureReason(),
                job.getAttempts(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt());
    }
}
