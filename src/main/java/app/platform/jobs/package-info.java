/**
 * Background jobs: long work split into units (a row, an item), run by a bounded pool of platform threads, with its
 * state in the platform table so progress, outcome and cancellation are visible to any instance. A module submits a
 * job through {@link app.platform.jobs.Jobs} and does the work in its {@link app.platform.jobs.JobWorker}; a job that
 * ends publishes {@link app.platform.jobs.BackgroundJobCompleted}. A job whose worker stopped (a crash, a stop) is
 * taken over when its lease expires, found through a sparse index, never a scan.
 */
package app.platform.jobs;
