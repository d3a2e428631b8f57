package dev.activityhub.application.shared.service;

import dev.activityhub.application.shared.port.out.SecretGenerator;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Hex secrets from an injected generator: {@code SecureRandom} in production, seeded in the harness. */
public final class RandomSecretGenerator implements SecretGenerator {
    private final RandomGenerator random;

    public RandomSecretGenerator(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        synchronized (random) {
            random.nextBytes(buffer);
        }
        return HexFormat.of().formatHex(buffer);
    }
}
