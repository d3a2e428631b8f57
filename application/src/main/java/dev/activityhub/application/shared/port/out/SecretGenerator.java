package dev.activityhub.application.shared.port.out;

/** Unguessable random material for keys and secrets (reproducible under {@code --seed}). */
@FunctionalInterface
public interface SecretGenerator {
    /** {@code bytes} random bytes as lower-case hex. */
    String randomHex(int bytes);
}
