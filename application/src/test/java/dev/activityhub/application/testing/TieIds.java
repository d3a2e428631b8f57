package dev.activityhub.application.testing;

import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for ties in the contract tests. The databases order UUIDs as unsigned bytes, so an id whose first bit
 * is set sorts after one whose first bit is clear, although {@link UUID#compareTo} (signed) says the opposite.
 */
public final class TieIds {
    /** UUIDs in the databases' order: unsigned, most significant bits first. Fakes sort with this. */
    public static final Comparator<UUID> DATABASE_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private TieIds() {
    }

    /** A fresh id that the databases sort after every {@link #low()} one (its first bit is set). */
    public static UUID high() {
        return new UUID(Long.MIN_VALUE | (ThreadLocalRandom.current().nextLong() >>> 1), random());
    }

    /** A fresh id that the databases sort before every {@link #high()} one. */
    public static UUID low() {
        return new UUID(ThreadLocalRandom.current().nextLong() >>> 1, random());
    }

    private static long random() {
        return ThreadLocalRandom.current().nextLong();
    }
}
