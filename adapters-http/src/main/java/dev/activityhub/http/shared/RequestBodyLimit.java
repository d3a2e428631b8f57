package dev.activityhub.http.shared;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Locale;

/**
 * Counts the body bytes a request actually delivers, whatever its framing ({@code Content-Length} or
 * chunked), and fails the read once they pass the limit: multipart uploads may use the request limit,
 * every other body the JSON limit. A declared {@code Content-Length} over the limit is refused earlier,
 * in the family's shape, by {@link HttpServer}; this catches the bodies that do not declare one (or lie).
 * Jetty's {@code SizeLimitHandler} does the same with a single limit.
 */
final class RequestBodyLimit extends Handler.Wrapper {
    private final long maxRequestBytes;
    private final long maxJsonBytes;

    RequestBodyLimit(Handler handler, long maxRequestBytes, long maxJsonBytes) {
        super(handler);
        this.maxRequestBytes = maxRequestBytes;
        this.maxJsonBytes = maxJsonBytes;
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long limit = isMultipart(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) ? maxRequestBytes : maxJsonBytes;
        return super.handle(new Counting(request, limit), response, callback);
    }

    /** The failure a read reports once the body is over the limit; HttpErrors answers it with 413. */
    static final class TooLarge extends BadMessageException {
        TooLarge(long limit) {
            super(413, "Request body is larger than " + limit + " bytes");
        }
    }

    /**
     * How much of a refused body is read and dropped before the 413 goes out. A client still sending
     * when the server answers and closes gets a TCP reset, which can destroy the 413 before the client
     * reads it; reading a body of up to this much past the limit to its end lets the answer arrive.
     * Bigger bodies are cut off at this point, as before.
     */
    static final long DRAIN_BYTES = 64L * 1024 * 1024;

    private static final class Counting extends Request.Wrapper {
        private final long limit;
        private long read;
        private Content.Chunk failure;

        Counting(Request request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            read += chunk.remaining();
            if (read > limit) {
                boolean last = chunk.isLast();
                chunk.release();
                if (!last && read - limit <= DRAIN_BYTES) {
                    return Content.Chunk.EMPTY; // dropped: read on to the end of the body before refusing it
                }
                failure = Content.Chunk.from(new TooLarge(limit), true);
                return failure;
            }
            return chunk;
        }
    }
}
