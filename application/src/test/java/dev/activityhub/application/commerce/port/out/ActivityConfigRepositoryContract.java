package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.ResolutionTiming;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link ActivityConfigPort} promises, for the in-memory fake and the SQL adapter alike: nothing stored until
 * a tenant saves, a save replaces the whole configuration (keys in their order), per workspace.
 */
public abstract class ActivityConfigRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-16T10:00:00.123Z");

    protected abstract ActivityConfigPort configs();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    private static ActivityConfig config(ResolutionTiming timing, String... keys) {
        return new ActivityConfig(timing, java.util.Arrays.stream(keys)
                .map(k -> new AttributeKeyDefinition(k, "Label " + k, AttributePolicy.CALLER_PROVIDED, null)).toList());
    }

    /** lockConfig then saveConfig, as the service does inside one transaction. */
    private ActivityConfig lockAndSave(UUID ws, ActivityConfig config) {
        configs().lockConfig(ws, T0);
        configs().saveConfig(ws, config, T0);
        return config;
    }

    @Test
    void nothingIsStoredUntilTheFirstSave() {
        UUID ws = newWorkspace();
        assertTrue(configs().findConfig(ws).isEmpty());
        assertTrue(configs().lockConfig(ws, T0).isEmpty(), "locking finds nothing stored");
        configs().saveConfig(ws, config(ResolutionTiming.MANUAL), T0);
        assertEquals(config(ResolutionTiming.MANUAL), configs().findConfig(ws).orElseThrow());
    }

    @Test
    void aSaveReplacesTheWholeConfigurationAndKeepsTheKeysInOrder() {
        UUID ws = newWorkspace();
        lockAndSave(ws, config(ResolutionTiming.ON_DISPATCH, "zeta", "alpha", "mid"));
        assertEquals(config(ResolutionTiming.ON_DISPATCH, "zeta", "alpha", "mid"), configs().findConfig(ws).orElseThrow());

        ActivityConfig stored = configs().lockConfig(ws, T0.plusSeconds(1)).orElseThrow();
        assertEquals(config(ResolutionTiming.ON_DISPATCH, "zeta", "alpha", "mid"), stored);
        configs().saveConfig(ws, config(ResolutionTiming.ON_CREATION, "alpha"), T0.plusSeconds(1));
        assertEquals(config(ResolutionTiming.ON_CREATION, "alpha"), configs().findConfig(ws).orElseThrow());

        lockAndSave(ws, ActivityConfig.DEFAULT);
        assertEquals(ActivityConfig.DEFAULT, configs().findConfig(ws).orElseThrow());
    }

    @Test
    void eachWorkspaceHasItsOwnConfiguration() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        lockAndSave(ws, config(ResolutionTiming.MANUAL, "promo"));

        assertTrue(configs().findConfig(other).isEmpty());
        lockAndSave(other, config(ResolutionTiming.ON_DISPATCH));
        assertEquals(config(ResolutionTiming.MANUAL, "promo"), configs().findConfig(ws).orElseThrow());
        assertEquals(config(ResolutionTiming.ON_DISPATCH), configs().findConfig(other).orElseThrow());
    }
}
