package dev.activityhub.http.shared;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Requests this server sends itself (the harness's fixtures), through Jetty's {@link LocalConnector}: the
 * whole chain a client's request takes (body limit, authentication, validation, the request log, the
 * harness's observers), without a socket and an HTTP client on both ends. Over loopback each such request
 * cost ~2 ms more than its handling (the JDK client's threads and the two socket ends).
 */
public final class InProcessRequests {
    private final LocalConnector connector;

    InProcessRequests(LocalConnector connector) {
        this.connector = connector;
    }

    /** An answer: its status and its body, read as UTF-8. */
    public record Answer(int status, String body) {
    }

    /**
     * Sends one HTTP/1.1 request with a JSON body (or none) and waits for its answer.
     *
     * @param authority the {@code Host} it is addressed to, as a client of this server would name it
     * @param target    an absolute path, with its query if any, already checked by the caller
     * @param headers   further headers, names and values already checked by the caller
     * @return the answer, or empty when none came in {@code timeout} (or the server is stopping)
     */
    public Optional<Answer> send(String method, String authority, String target, Map<String, String> headers,
                                 String jsonBody, Duration timeout) throws Exception {
        requireOneLine(method, "method");
        requireOneLine(authority, "authority");
        requireOneLine(target, "target");
        headers.forEach((name, value) -> {
            requireOneLine(name, "header name");
            requireOneLine(value, "header value");
        });
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("Content-Type: application/json\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        ByteBuffer raw = connector.getResponse(request, timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (raw == null || !raw.hasRemaining()) {
            return Optional.empty();
        }
        HttpTester.Response response = HttpTester.parseResponse(raw);
        if (response == null) {
            return Optional.empty();
        }
        byte[] content = response.getContentBytes();
        return Optional.of(new Answer(response.getStatus(),
                content == null ? "" : new String(content, StandardCharsets.UTF_8)));
    }

    /** The request is written out as text: a line break in any part of its head would start another request. */
    private static void requireOneLine(String part, String what) {
        if (part.indexOf('\r') >= 0 || part.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the " + what + " of an in-process request has a line break");
        }
    }
}
