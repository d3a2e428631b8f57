package dev.activityhub.bootstrap.testing;

import dev.activityhub.bootstrap.testing.GoldenJson.Allowance;
import dev.activityhub.bootstrap.testing.GoldenJson.Difference;
import dev.activityhub.bootstrap.testing.GoldenJson.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden-file comparison sees what a client written from a seed would trip on. */
class GoldenJsonTest {
    private static List<Difference> diff(String golden, String actual) {
        return GoldenJson.differences(GoldenJson.parse(golden), GoldenJson.parse(actual));
    }

    @Test
    void idsAndTimesCompareByFormatOtherScalarsByValue() {
        assertEquals(List.of(), diff("""
                {"id": "7de43760-d12d-4bcc-931a-f728ef1a3e3b", "at": "2025-12-06T10:30:00Z",
                 "due": "2025-12-08T15:00:00+00:00", "ms": "2026-01-30T02:00:00.000Z", "n": 25, "ok": true}""", """
                {"id": "01a23d4d-d33c-70d3-bf1f-415b7818ded0", "at": "2026-01-01T00:00:01Z",
                 "due": "2026-02-08T20:00:00+00:00", "ms": "2027-01-30T02:00:00.123Z", "n": 25, "ok": true}"""));
        assertEquals(List.of(new Difference("/at", Kind.FORMAT, "TIME_SECONDS_Z expected (2025-12-06T10:30:00Z), "
                        + "TIME_MILLIS_Z found (2025-12-06T10:30:00.123Z)")),
                diff("{\"at\": \"2025-12-06T10:30:00Z\"}", "{\"at\": \"2025-12-06T10:30:00.123Z\"}"));
        assertEquals(Kind.FORMAT, diff("{\"due\": \"2025-12-08T15:00:00+00:00\"}",
                "{\"due\": \"2025-12-08T15:00:00.5+00:00\"}").get(0).kind());
        assertEquals(Kind.VALUE, diff("{\"detail\": \"Invalid API key\"}", "{\"detail\": \"Invalid API Key\"}")
                .get(0).kind());
        assertEquals(Kind.VALUE, diff("{\"n\": 25}", "{\"n\": 26}").get(0).kind());
        assertEquals(Kind.TYPE, diff("{\"n\": 25}", "{\"n\": 25.0}").get(0).kind());
    }

    @Test
    void keysOrderAndNullVersusAbsentCount() {
        assertEquals(List.of(new Difference("/b", Kind.MISSING_KEY, "absent")), diff("{\"a\": 1, \"b\": null}",
                "{\"a\": 1}"));
        assertEquals(Kind.TYPE, diff("{\"b\": null}", "{\"b\": \"x\"}").get(0).kind());
        assertEquals(Kind.EXTRA_KEY, diff("{\"a\": 1}", "{\"a\": 1, \"c\": null}").get(0).kind());
        assertEquals(List.of(new Difference("", Kind.KEY_ORDER, "[a, b] expected, [b, a] found")),
                diff("{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}"));
        assertEquals(new Difference("/x/1/y", Kind.VALUE, "\"p\" expected, \"q\" found"),
                diff("{\"x\": [{\"y\": \"p\"}, {\"y\": \"p\"}]}", "{\"x\": [{\"y\": \"p\"}, {\"y\": \"q\"}]}").get(0));
        assertEquals(Kind.ARRAY_LENGTH, diff("{\"x\": []}", "{\"x\": [1]}").get(0).kind());
    }

    @Test
    void everyDifferenceNeedsAnAllowanceAndEveryAllowanceADifference() {
        var golden = GoldenJson.parse("{\"a\": 1}");
        var actual = GoldenJson.parse("{\"a\": 1, \"extra\": true}");
        Allowance extra = new Allowance("/extra", Kind.EXTRA_KEY, "documented extension");
        GoldenJson.assertMatches("doc", golden, actual, List.of(extra));
        AssertionError unexplained = assertThrows(AssertionError.class,
                () -> GoldenJson.assertMatches("doc", golden, actual, List.of()));
        assertTrue(unexplained.getMessage().contains("unexplained: EXTRA_KEY at /extra"), unexplained.getMessage());
        AssertionError stale = assertThrows(AssertionError.class,
                () -> GoldenJson.assertMatches("doc", golden, golden, List.of(extra)));
        assertTrue(stale.getMessage().contains("no longer needed"), stale.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Allowance("/x", Kind.VALUE, " "));
    }
}
