package dev.activityhub.application.shared.port.out;

import java.util.UUID;

/** New identifiers: time-ordered UUIDs (v7) in production, reproducible ones under {@code --seed}. */
@FunctionalInterface
public interface IdGenerator {
    UUID newId();
}
