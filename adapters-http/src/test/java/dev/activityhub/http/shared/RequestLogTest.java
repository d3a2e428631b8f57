package dev.activityhub.http.shared;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest {
    /** SimpleLogger's layout with this project's settings: date, level, logger name, message. */
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4} INFO activityhub\\.http - "
                    + "http_request method=(GET|POST) path=/r/\\d+/\\d+ status=\\d{3} duration_ms=\\d+\\.\\d");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void everyLineFromManyThreadsIsWrittenOnceAsSimpleLoggerWroteIt() throws Exception {
        RequestLog log = new RequestLog(() -> out, ZoneId.of("Europe/Paris"));
        int threads = 8;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> requests = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread request = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < each; i++) {
                    log.answered(i % 2 == 0 ? "GET" : "POST", "/r/" + thread + "/" + i, 200 + i % 300, i / 7f);
                }
            });
            request.start();
            requests.add(request);
        }
        go.countDown();
        for (Thread request : requests) {
            request.join();
        }
        log.close();

        List<String> lines = lines();
        assertEquals(threads * each, lines.size());
        Set<String> paths = new HashSet<>();
        for (String line : lines) {
            assertTrue(LINE.matcher(line).matches(), line);
            paths.add(line.substring(line.indexOf("path=") + 5, line.indexOf(" status=")));
        }
        assertEquals(threads * each, paths.size(), "each request's line once");
    }

    @Test
    void aLineReadsItsRequestAndItsTimeInTheZone() throws Exception {
        RequestLog log = new RequestLog(() -> out, ZoneId.of("UTC"));
        long before = System.currentTimeMillis();
        log.answered("POST", "/api/v1/activity", 201, 2.26f);
        log.close();
        String line = lines().get(0);
        assertTrue(line.endsWith("+0000 INFO activityhub.http - http_request method=POST path=/api/v1/activity "
                + "status=201 duration_ms=2.3"), line);
        long written = java.time.OffsetDateTime.parse(line.substring(0, 28),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toEpochMilli();
        assertTrue(written >= before && written <= System.currentTimeMillis(), line);
    }

    @Test
    void linesAreWrittenWithoutAClose() throws Exception {
        RequestLog log = new RequestLog(() -> out, ZoneId.of("UTC"));
        log.answered("GET", "/r/1/1", 200, 0.1f);
        for (int i = 0; i < 500 && lines().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(1, lines().size(), "the writer wakes for a lone line");
        log.answered("GET", "/r/1/2", 404, 0.1f);
        log.close();
        assertEquals(2, lines().size());
    }

    @Test
    void afterCloseARequestWritesItsOwnLine() {
        RequestLog log = new RequestLog(() -> out, ZoneId.of("UTC"));
        log.close();
        log.answered("GET", "/r/2/1", 503, 12f);
        assertEquals(1, lines().size());
        assertTrue(LINE.matcher(lines().get(0)).matches(), lines().get(0));
    }

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
    }
}
