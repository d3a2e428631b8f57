package dev.activityhub.http.harness;

import dev.activityhub.http.shared.HttpServer;
import dev.activityhub.http.shared.RequestObserver;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestJournalTest {
    private final HttpClient client = HttpClient.newHttpClient();

    /** A route group that journals, as the harness's does. */
    private record Journaling(RequestJournal journal) implements RouteGroup, RequestObserver {
        @Override
        public void addRoutes(RoutesConfig routes) {
        }

        @Override
        public void answered(Context ctx, long durationNanos) {
            journal.record(ctx, durationNanos);
        }
    }

    @Test
    void keepsOnlyTheLatestRequestsInOrder() throws Exception {
        RequestJournal journal = new RequestJournal(3);
        HttpServer server = new HttpServer(List.of(new Journaling(journal)), () -> true, 1024).start("127.0.0.1", 0);
        try {
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/health?n=" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
            }
            List<RequestJournal.Entry> kept = journal.matching(e -> true);
            assertEquals(List.of("n=3", "n=4", "n=5"), kept.stream().map(RequestJournal.Entry::query).toList());
            assertEquals(List.of(3L, 4L, 5L), kept.stream().map(RequestJournal.Entry::sequence).toList());
        } finally {
            server.stop();
        }
    }
}
