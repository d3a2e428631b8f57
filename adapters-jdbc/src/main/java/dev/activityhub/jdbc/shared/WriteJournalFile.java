package dev.activityhub.jdbc.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's bytes on disk: records appended one after another, each {@code length, CRC-32C, payload},
 * in numbered segment files {@code <name>.journal.1}, {@code .2}, ... beside the database file. Only
 * the newest segment is written to; older ones are deleted once what they hold is in the database.
 *
 * <p>A crash can cut the last record of the newest segment short (or leave bytes that were never a
 * record); {@link #readAll()} stops at the first record whose length or checksum does not fit and cuts
 * the segment there, so the next append follows the last whole record. Such a record was never
 * acknowledged: a caller is answered only after its record's write returned.
 */
final class WriteJournalFile implements AutoCloseable {
    private static final int HEADER_BYTES = 8;
    /** Larger "records" are garbage: one record is one transaction's rows. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    private final Path directory;
    private final String name;
    private final Pattern segmentName;
    private FileChannel current;
    private long currentSegment;

    private WriteJournalFile(Path directory, String name) {
        this.directory = directory;
        this.name = name;
        this.segmentName = Pattern.compile(Pattern.quote(name) + "\\.journal\\.(\\d+)");
    }

    /** The journal {@code name} in {@code directory}; nothing is written until {@link #startSegment}. */
    static WriteJournalFile in(Path directory, String name) {
        return new WriteJournalFile(directory, name);
    }

    /** The segments on disk, by number. */
    TreeMap<Long, Path> segments() throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = segmentName.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segments.put(Long.parseLong(m.group(1)), file);
                }
            }
        }
        return segments;
    }

    /**
     * Every whole record of every segment, oldest first. A record that does not fit ends its segment,
     * which is cut there (a crash in mid-append leaves such a tail).
     */
    List<byte[]> readAll() throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (Path segment : segments().values()) {
            readSegment(segment, records);
        }
        return records;
    }

    private static void readSegment(Path segment, List<byte[]> into) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (true) {
                header.clear();
                if (size - position < HEADER_BYTES || readFully(channel, header, position) < HEADER_BYTES) {
                    break;
                }
                header.flip();
                int length = header.getInt();
                int checksum = header.getInt();
                if (length < 0 || length > MAX_RECORD_BYTES || size - position - HEADER_BYTES < length) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + HEADER_BYTES);
                if (checksum(payload.array()) != checksum) {
                    break;
                }
                into.add(payload.array());
                position += HEADER_BYTES + length;
            }
            if (position < size) {
                channel.truncate(position);
            }
        }
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int read = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    /** Opens a new, empty segment after every existing one; appends go there from now on. */
    void startSegment() throws IOException {
        // One listing: the applier may delete an old segment meanwhile.
        TreeMap<Long, Path> existing = segments();
        long number = Math.max(existing.isEmpty() ? 0 : existing.lastKey(), currentSegment) + 1;
        Path file = directory.resolve(name + ".journal." + number);
        // The records hold what the database holds: the owner's alone from the start.
        FileChannel opened = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (current != null) {
            current.close();
        }
        current = opened;
        currentSegment = number;
    }

    /** The segment appends go to (0 before the first {@link #startSegment}). */
    long currentSegment() {
        return currentSegment;
    }

    /** Bytes in the segment appends go to. */
    long currentSize() throws IOException {
        return current == null ? 0 : current.size();
    }

    /** The header for a record of {@code payload}. */
    static void frame(ByteBuffer into, byte[] payload) {
        into.putInt(payload.length).putInt(checksum(payload)).put(payload);
    }

    static int framedSize(byte[] payload) {
        return HEADER_BYTES + payload.length;
    }

    /**
     * Appends framed records (see {@link #frame}) to the current segment. When the write fails the
     * segment is cut back to where it was, so no part of these records is read back after a restart;
     * if even that fails the exception says so and the journal must not be appended to again.
     */
    void append(ByteBuffer framed) throws IOException {
        long before = current.size();
        try {
            while (framed.hasRemaining()) {
                current.write(framed);
            }
        } catch (IOException e) {
            try {
                current.truncate(before);
                current.position(before);
            } catch (IOException cut) {
                e.addSuppressed(cut);
                throw new BrokenJournalException(e);
            }
            throw e;
        }
    }

    /** Deletes the segments numbered up to {@code last}, the current one excepted. */
    void deleteThrough(long last) throws IOException {
        for (var segment : segments().headMap(last, true).entrySet()) {
            if (segment.getKey() != currentSegment) {
                Files.deleteIfExists(segment.getValue());
            }
        }
    }

    /** Closes the current segment and deletes every segment: everything they held is in the database. */
    void deleteAll() throws IOException {
        close();
        for (Path segment : segments().values()) {
            Files.deleteIfExists(segment);
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /** A failed append that could not be undone: what follows in the segment would not be readable. */
    static final class BrokenJournalException extends IOException {
        BrokenJournalException(IOException cause) {
            super("the journal could not be cut back after a failed append", cause);
        }
    }
}
