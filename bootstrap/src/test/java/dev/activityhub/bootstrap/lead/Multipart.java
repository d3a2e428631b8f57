package dev.activityhub.bootstrap.lead;

import dev.activityhub.bootstrap.testing.Spaces;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds multipart/form-data bodies by hand and posts them (java.net.http), checked against the OpenAPI documents. */
final class Multipart {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String BOUNDARY = "----activityhub-test-boundary-7c1f";

    record FilePart(String filename, String contentType, byte[] bytes) {
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<FilePart> files = new ArrayList<>();

    Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Multipart file(String filename, String contentType, byte[] bytes) {
        files.add(new FilePart(filename, contentType, bytes));
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        for (FilePart file : files) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            out.writeBytes(file.bytes());
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /** POSTs to {@code baseUrl + path}; the response is checked against the contract like every API response. */
    HttpJson.Response post(String baseUrl, String path, OpenApiContract contract, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            contract.check("POST", path, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return new HttpJson.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs the body after {@code preambleBytes} spaces of preamble (which the parser skips), chunked:
     * without a Content-Length, only counting the bytes read can refuse a body over the limit.
     */
    HttpJson.Response postChunked(String baseUrl, String path, long preambleBytes, String... headers) {
        byte[] body = body();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new Spaces(preambleBytes), new java.io.ByteArrayInputStream(preambleEnd(body)))));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            // A connection of its own: the server closes one whose body it refused.
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpJson.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The preamble ends with a line break, since the first delimiter then is CRLF "--" boundary. */
    private static byte[] preambleEnd(byte[] body) {
        byte[] withBreak = new byte[body.length + 2];
        withBreak[0] = '\r';
        withBreak[1] = '\n';
        System.arraycopy(body, 0, withBreak, 2, body.length);
        return withBreak;
    }

    /** GET of raw bytes (downloads), without any API key. */
    static HttpResponse<byte[]> download(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
