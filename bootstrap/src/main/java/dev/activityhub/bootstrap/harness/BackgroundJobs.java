package dev.activityhub.bootstrap.harness;

import dev.activityhub.application.harness.port.out.BackgroundJobsPort;
import dev.activityhub.bootstrap.Worker;

import java.util.List;

/** Runs every worker's tick once, in registration order (dispatch before delivery). */
public final class BackgroundJobs implements BackgroundJobsPort {
    private final List<Worker> workers;

    public BackgroundJobs(List<Worker> workers) {
        this.workers = workers;
    }

    @Override
    public void runAllOnce() {
        workers.forEach(Worker::runOnce);
    }
}
