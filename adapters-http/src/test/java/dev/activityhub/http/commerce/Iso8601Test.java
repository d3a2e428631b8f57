package dev.activityhub.http.commerce;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Iso8601Test {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2030-01-16                     | 2030-01-16T00:00:00Z",
            "20300116                       | 2030-01-16T00:00:00Z",
            "2030-016                       | 2030-01-16T00:00:00Z",
            "2030-W03-3                     | 2030-01-16T00:00:00Z",
            "2030W033                       | 2030-01-16T00:00:00Z",
            "2025-01-16T09:00:00.000Z       | 2025-01-16T09:00:00Z",
            "2025-01-16T09:00:00Z           | 2025-01-16T09:00:00Z",
            "2025-01-16T09:00Z              | 2025-01-16T09:00:00Z",
            "2025-01-16T09Z                 | 2025-01-16T09:00:00Z",
            "2025-01-16T09:00:00+02:00      | 2025-01-16T07:00:00Z",
            "2025-01-16T09:00:00+0200       | 2025-01-16T07:00:00Z",
            "2025-01-16T09:00:00-03         | 2025-01-16T12:00:00Z",
            "2025-01-16T09:00:00.123456789Z | 2025-01-16T09:00:00.123456789Z",
            "2025-01-16T09:00:00,5Z         | 2025-01-16T09:00:00.5Z",
            "2025-01-16T09:30.5Z            | 2025-01-16T09:30:30Z",
            "2025-01-16T09.25Z              | 2025-01-16T09:15:00Z",
            "20250116T090000Z               | 2025-01-16T09:00:00Z",
            "20250116T0900+0530             | 2025-01-16T03:30:00Z",
            "2025-016T09:00:00Z             | 2025-01-16T09:00:00Z",
            "2025-W03-4T09:00:00+01:00      | 2025-01-16T08:00:00Z",
            "2025-01-16T24:00:00Z           | 2025-01-17T00:00:00Z",
            "2024-02-29T12:00:00Z           | 2024-02-29T12:00:00Z",
    })
    void readsEveryFormWithAnOffsetAndBareDatesAsUtcMidnight(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Iso8601.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "tomorrow", "2025-01-16T09:00:00", "2025-01-16T09:00", "2025-02-30", "2025-13-01",
            "2025-366", "2025-W54-1", "2025-W03-8", "2025-01-16T25:00:00Z", "2025-01-16T24:00:01Z",
            "2025-01-16T09:60:00Z", "2025-01-16T09:00:60Z", "2025-01-16T09:00:00+19:00", "2025-01-16T09:00:00+02:60",
            "2025-01-16 09:00:00Z", "2025-01-16Z", "2025-01-16T0900:00Z", "25-01-16", "2025-1-16", "2025-01-16T09:00:00.Z"})
    void refusesWhatIsNotAnIso8601InstantOrNamesNoRealTime(String text) {
        assertEquals(Optional.empty(), Iso8601.parse(text));
    }
}
