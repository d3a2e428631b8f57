package dev.activityhub.http.webhook.client;

import dev.activityhub.application.webhook.port.out.WebhookSenderPort;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts webhooks with Jetty's HTTP client: HTTP/1.1, never following redirects (a redirect could point at
 * an internal address), one deadline for the whole exchange, and a connection only ever to the addresses
 * the destination guard checked. Each request carries those addresses as its Jetty tag; the client's
 * resolver hands them out instead of looking the name up again, so a DNS answer that changes after the
 * check (rebinding) cannot redirect the connection. The URL's host name still goes into {@code Host} and
 * TLS (SNI, certificate check), because the request itself is made to the name.
 */
public final class PinnedWebhookSender implements WebhookSenderPort {
    private static final String USER_AGENT = "ActivityHub-Webhooks/1.0";
    /** Pinned destinations (one per host and address set) are dropped after a minute unused. */
    private static final long DESTINATION_IDLE_MILLIS = 60_000;

    private final Duration timeout;
    /** Per URL, the last work handed to its lane: the next call's requests to that URL run after it. */
    private final ConcurrentHashMap<URI, CompletableFuture<Void>> laneTails = new ConcurrentHashMap<>();

    public PinnedWebhookSender(Duration timeout) {
        this.timeout = timeout;
    }

    /** The addresses one request may connect to; equal sets share a Jetty destination (and its connections). */
    private record PinnedAddresses(List<InetAddress> addresses) {
    }

    /** One client for the JVM, started on first use, on daemon threads (like java.net.http's). */
    private static final class Shared {
        static final HttpClient CLIENT = start();
        /** Runs the lanes of {@link #sendAll}: a thread waits on one endpoint at a time. */
        static final ExecutorService LANES = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "webhooks-lane");
            t.setDaemon(true);
            return t;
        });

        private static HttpClient start() {
            QueuedThreadPool threads = new QueuedThreadPool(16, 1, 60_000);
            threads.setName("webhooks-http");
            threads.setDaemon(true);
            HttpClient client = new HttpClient();
            client.setExecutor(threads);
            client.setScheduler(new ScheduledExecutorScheduler("webhooks-http-scheduler", true));
            client.setFollowRedirects(false);
            client.setDestinationIdleTimeout(DESTINATION_IDLE_MILLIS);
            client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
            client.setSocketAddressResolver(new CheckedAddressesOnly());
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the webhook HTTP client", e);
            }
            return client;
        }
    }

    /** Never resolves a name: answers with the request's checked addresses, or fails. */
    private static final class CheckedAddressesOnly implements SocketAddressResolver {
        @Override
        public void resolve(String host, int port, Map<String, Object> context,
                            Promise<List<InetSocketAddress>> promise) {
            Object destination = context == null ? null : context.get(Destination.CONTEXT_KEY);
            if (destination instanceof Destination d && d.getOrigin().getTag() instanceof PinnedAddresses pinned
                    && !pinned.addresses().isEmpty()) {
                promise.succeeded(pinned.addresses().stream().map(a -> new InetSocketAddress(a, port)).toList());
            } else {
                promise.failed(new UnknownHostException(host + ": no checked address to connect to"));
            }
        }
    }

    @Override
    public SendResult send(WebhookRequest request) {
        return finish(start(request));
    }

    /**
     * One lane per URL: a URL's requests go out one after another in the given order (an endpoint sees
     * its deliveries in order, as it did when every delivery was sent alone), while different URLs are
     * served at the same time, so one slow endpoint does not hold up the others.
     */
    @Override
    public List<SendResult> sendAll(List<WebhookRequest> requests) {
        Map<URI, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            lanes.computeIfAbsent(requests.get(i).url(), url -> new ArrayList<>()).add(i);
        }
        SendResult[] results = new SendResult[requests.size()];
        if (lanes.size() == 1) {
            lanes.values().iterator().next().forEach(i -> results[i] = send(requests.get(i)));
            return List.of(results);
        }
        List<CompletableFuture<Void>> running = lanes.values().stream()
                .map(lane -> CompletableFuture.runAsync(
                        () -> lane.forEach(i -> results[i] = send(requests.get(i))), Shared.LANES))
                .toList();
        running.forEach(CompletableFuture::join); // send() never throws: each lane ends with its results
        return List.of(results);
    }

    /**
     * One lane per URL, across calls: a URL's requests run one after another on a lane thread, after those
     * of earlier calls to the same URL (the lane's tail); different URLs run at the same time. So the
     * caller can prepare its next batch while this one is on its way, and an endpoint still receives its
     * deliveries in the order they were handed over. A cancelled future's request is skipped.
     */
    @Override
    public List<CompletableFuture<SendResult>> startAll(List<WebhookRequest> requests) {
        List<CompletableFuture<SendResult>> results = new ArrayList<>(requests.size());
        Map<URI, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            results.add(new CompletableFuture<>());
            lanes.computeIfAbsent(requests.get(i).url(), url -> new ArrayList<>()).add(i);
        }
        lanes.forEach((url, lane) -> {
            Runnable run = () -> lane.forEach(i -> {
                CompletableFuture<SendResult> result = results.get(i);
                if (result.isDone()) {
                    return; // cancelled before its turn: not sent
                }
                try {
                    result.complete(send(requests.get(i)));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e); // a bug, not a failed request: the lane goes on
                }
            });
            CompletableFuture<Void> tail = laneTails.compute(url, (u, previous) ->
                    (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                            .thenRunAsync(run, Shared.LANES));
            tail.whenComplete((done, failure) -> laneTails.remove(url, tail));
        });
        return results;
    }

    /** A request on its way: {@link #finish} waits for it. */
    private record InFlight(Request http, long startedNanos, CompletableFuture<Result> done, BodyHead head) {
    }

    private InFlight start(WebhookRequest request) {
        long timestamp = request.timestamp().getEpochSecond();
        Request http = Shared.CLIENT.newRequest(request.url())
                .method(HttpMethod.POST)
                .tag(new PinnedAddresses(request.addresses()))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h
                        .put("webhook-id", request.messageId())
                        .put("webhook-timestamp", Long.toString(timestamp))
                        .put("webhook-signature", StandardWebhooksSignature.signWithEach(request.signingSecrets(),
                                request.messageId(), timestamp, request.body())))
                .body(new BytesRequestContent("application/json", request.body().getBytes(StandardCharsets.UTF_8)));
        long started = System.nanoTime();
        CompletableFuture<Result> done = new CompletableFuture<>();
        BodyHead head = new BodyHead();
        http.onResponseContent((response, content) -> head.keep(content)); // the rest is read and dropped
        http.send(done::complete);
        return new InFlight(http, started, done, head);
    }

    private SendResult finish(InFlight call) {
        Request http = call.http();
        long started = call.startedNanos();
        try {
            // Jetty enforces the deadline; the extra second only guards against a listener never called.
            long left = Math.max(1, timeout.toMillis() + 1000 - elapsedMillis(started));
            Result result = call.done().get(left, TimeUnit.MILLISECONDS);
            if (result.isSucceeded()) {
                return new SendResult(result.getResponse().getStatus(), elapsedMillis(started), null,
                        result.getResponse().getHeaders().get(HttpHeader.RETRY_AFTER), call.head().text());
            }
            return SendResult.noResponse(elapsedMillis(started), describe(result.getFailure()));
        } catch (TimeoutException e) {
            http.abort(e);
            return SendResult.noResponse(elapsedMillis(started), "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return SendResult.noResponse(elapsedMillis(started), describe(e.getCause() != null ? e.getCause() : e));
        } catch (InterruptedException e) {
            http.abort(e);
            Thread.currentThread().interrupt();
            return SendResult.noResponse(elapsedMillis(started), "interrupted (shutting down)");
        }
    }

    /** The first {@link SendResult#MAX_BODY_BYTES} bytes of a response body; Jetty calls it on one thread at a time. */
    private static final class BodyHead {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void keep(ByteBuffer content) {
            int room = SendResult.MAX_BODY_BYTES - bytes.size();
            int take = Math.min(room, content.remaining());
            if (take > 0) {
                byte[] chunk = new byte[take];
                content.slice().get(chunk);
                bytes.write(chunk, 0, take);
            }
        }

        /**
         * As UTF-8 (a character cut at the limit, or bytes that are not UTF-8, become U+FFFD); NUL becomes
         * U+FFFD too, since PostgreSQL text cannot hold it.
         */
        synchronized String text() {
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace((char) 0, '\uFFFD');
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout after " + timeout.toMillis() + " ms";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
