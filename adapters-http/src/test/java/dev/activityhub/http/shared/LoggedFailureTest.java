package dev.activityhub.http.shared;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggedFailureTest {
    private static final String ROW = "Failing row contains (ann@example.com, Ann, +16782319992)";

    @Test
    void dataLayerMessagesAreWithheldButClassesStatesAndFramesStay() {
        SQLException sql = new SQLException("ERROR: null value in column; " + ROW, "23502");
        RuntimeException wrapper = new IllegalStateException("statement failed: " + ROW, sql);

        String printed = printed(LoggedFailure.of(wrapper));

        assertFalse(printed.contains("ann@example.com"), printed);
        assertFalse(printed.contains("+16782319992"), printed);
        assertTrue(printed.contains("java.lang.IllegalStateException (message withheld"), printed);
        assertTrue(printed.contains("Caused by: java.sql.SQLException [SQLState 23502"), printed);
        assertTrue(printed.contains("LoggedFailureTest.dataLayerMessagesAreWithheldButClassesStatesAndFramesStay"),
                "the stack frames are kept: " + printed);
    }

    @Test
    void otherFailuresKeepTheirMessage() {
        String printed = printed(LoggedFailure.of(new IllegalArgumentException("limit must be positive")));
        assertTrue(printed.startsWith("java.lang.IllegalArgumentException: limit must be positive"), printed);
    }

    @Test
    void theServerLogsUnhandledErrorsWithoutRowContents() throws Exception {
        RouteGroup failing = routes -> routes.get("/api/v1/boom", ctx -> {
            throw new IllegalStateException("insert failed: " + ROW, new SQLException(ROW, "23505"));
        });
        HttpServer server = new HttpServer(List.of(failing), () -> true, 1024).start("127.0.0.1", 0);
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/boom")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertFalse(response.body().contains("ann@example.com"), response.body());
        } finally {
            System.setErr(original);
            server.stop();
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("unhandled error on GET /api/v1/boom"), logged);
        assertTrue(logged.contains("SQLState 23505"), logged);
        assertFalse(logged.contains("ann@example.com"), logged);
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
