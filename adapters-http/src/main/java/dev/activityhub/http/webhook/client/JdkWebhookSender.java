package dev.activityhub.http.webhook.client;

import dev.activityhub.application.webhook.port.out.WebhookSenderPort;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts webhooks with {@code java.net.http}: HTTP/1.1, never following redirects (a redirect could
 * point at an internal address), and one deadline for the whole exchange, response body included.
 */
public final class JdkWebhookSender implements WebhookSenderPort {
    private static final String USER_AGENT = "ActivityHub-Webhooks/1.0";

    private final HttpClient client;
    private final Duration timeout;

    public JdkWebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public SendResult send(WebhookRequest request) {
        long timestamp = request.timestamp().getEpochSecond();
        HttpRequest http = HttpRequest.newBuilder(request.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", request.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        StandardWebhooksSignature.sign(request.secret(), request.messageId(), timestamp, request.body()))
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(http, HttpResponse.BodyHandlers.discarding());
        try {
            int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return new SendResult(status, elapsedMillis(started), null);
        } catch (TimeoutException e) {
            response.cancel(true);
            return SendResult.noResponse(elapsedMillis(started), "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String error = cause instanceof java.net.http.HttpTimeoutException
                    ? "timeout after " + timeout.toMillis() + " ms"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return SendResult.noResponse(elapsedMillis(started), error);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return SendResult.noResponse(elapsedMillis(started), "interrupted (shutting down)");
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
