package dev.activityhub.http.shared;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The one line per answered request, written off the request thread. Each request used to format a date
 * under SimpleLogger's lock and write and flush its own line (8 % of a request's CPU in the benchmark's
 * window, and a lock all request threads queued on); now it queues what the line says and one writer
 * thread words a batch of lines and writes them at once, a few milliseconds later.
 *
 * <p>The lines read as SimpleLogger's did ({@code <date> INFO activityhub.http - http_request ...}, same
 * date format, same stream: the standard error as it is when written). When more than {@link #MAX_PENDING}
 * lines wait (the stream is blocked), a request writes its own line, as before, rather than queue without
 * bound.
 */
final class RequestLog implements AutoCloseable {
    static final int MAX_PENDING = 65_536;
    /** How long the writer lets lines gather once woken: many lines per write under load. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("Z");

    private record Line(long epochMillis, String method, String path, int status, float millis) {
    }

    private final Supplier<PrintStream> out;
    private final ZoneId zone;
    private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
    /** Lines queued and not yet written; the request that raises it from 0 wakes the writer. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread writer;
    private volatile boolean closed;
    /** The writer's (or a direct write's, under {@code this}) cache of the current second's date text. */
    private long second = Long.MIN_VALUE;
    private String secondText;
    private String offsetText;

    RequestLog(Supplier<PrintStream> out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        this.writer = new Thread(this::run, "request-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Called by the request's thread once it is answered. */
    void answered(String method, String path, int status, float millis) {
        Line line = new Line(System.currentTimeMillis(), method, path, status, millis);
        if (closed || pending.get() >= MAX_PENDING) {
            synchronized (this) {
                write(new StringBuilder(), line);
            }
            return;
        }
        queue.offer(line);
        if (pending.getAndIncrement() == 0) {
            LockSupport.unpark(writer);
        }
    }

    private void run() {
        StringBuilder batch = new StringBuilder(8192);
        while (true) {
            if (pending.get() <= 0) {
                if (closed) {
                    return;
                }
                LockSupport.park(this);
                continue;
            }
            LockSupport.parkNanos(this, GATHER_NANOS);
            int written = 0;
            synchronized (this) {
                for (Line line = queue.poll(); line != null; line = queue.poll()) {
                    appendLine(batch, line);
                    written++;
                    if (batch.length() > 64 * 1024) {
                        flush(batch);
                    }
                }
                flush(batch);
            }
            pending.addAndGet(-written);
        }
    }

    private void write(StringBuilder text, Line line) {
        appendLine(text, line);
        flush(text);
    }

    private void flush(StringBuilder text) {
        if (!text.isEmpty()) {
            PrintStream stream = out.get(); // in its own charset, as SimpleLogger's println
            stream.print(text);
            stream.flush();
            text.setLength(0);
        }
    }

    private void appendLine(StringBuilder text, Line line) {
        long epochSecond = Math.floorDiv(line.epochMillis(), 1000);
        if (epochSecond != second) {
            var at = Instant.ofEpochSecond(epochSecond).atZone(zone);
            secondText = SECOND.format(at);
            offsetText = OFFSET.format(at);
            second = epochSecond;
        }
        int millis = (int) Math.floorMod(line.epochMillis(), 1000);
        text.append(secondText).append('.').append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10))
                .append(offsetText).append(" INFO activityhub.http - ");
        HttpServer.appendRequestLine(text, line.method(), line.path(), line.status(), line.millis());
        text.append(System.lineSeparator());
    }

    /** Writes what is queued and stops the writer; later lines are written by their requests. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) { // a line queued as the writer stopped
            StringBuilder rest = new StringBuilder();
            for (Line line = queue.poll(); line != null; line = queue.poll()) {
                appendLine(rest, line);
            }
            flush(rest);
        }
    }
}
