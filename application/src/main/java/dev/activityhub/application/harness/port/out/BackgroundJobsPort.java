package dev.activityhub.application.harness.port.out;

/** Runs every background job (dispatch, reminders, webhook delivery) once, on the caller's thread. */
@FunctionalInterface
public interface BackgroundJobsPort {
    void runAllOnce();
}
