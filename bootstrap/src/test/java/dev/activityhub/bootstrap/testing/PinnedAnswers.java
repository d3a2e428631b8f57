package dev.activityhub.bootstrap.testing;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answers pinned word for word: each request's answer must be the one recorded, and no request may be added or
 * dropped unnoticed. With {@code -Drecord=true} the actual answers are printed as {@code expected.put(...)} lines
 * to paste, which is how the pins were taken on the code before a refactoring.
 */
public final class PinnedAnswers {
    private PinnedAnswers() {
    }

    public static void assertAnswersAsPinned(Map<String, String> expected, Map<String, String> actual) {
        if (Boolean.getBoolean("record")) {
            StringBuilder out = new StringBuilder();
            actual.forEach((name, body) -> out.append("        expected.put(\"").append(name).append("\", \"")
                    .append(body.replace("\\", "\\\\").replace("\"", "\\\"")).append("\");\n"));
            System.out.println("RECORDED\n" + out + "END");
        }
        expected.forEach((request, answer) -> assertEquals(answer, actual.get(request), request));
        assertEquals(expected.keySet(), actual.keySet());
    }
}
