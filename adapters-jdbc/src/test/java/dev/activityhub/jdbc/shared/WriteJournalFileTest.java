package dev.activityhub.jdbc.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's bytes: whole records come back in order; a torn or damaged tail is cut off, never read. */
class WriteJournalFileTest {
    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderAcrossSegments() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        append(file, "one", "two");
        file.startSegment();
        append(file, "three");
        file.close();

        assertEquals(List.of("one", "two", "three"), texts(WriteJournalFile.in(dir, "db").readAll()));
        assertEquals(2, WriteJournalFile.in(dir, "db").segments().size());
    }

    @Test
    void aTornLastRecordIsCutOffAndAppendsFollowTheLastWholeOne() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        append(file, "kept");
        long whole = file.currentSize();
        ByteBuffer torn = frame("lost in the crash");
        torn.limit(torn.limit() - 3);
        file.append(torn);
        file.close();
        Path segment = WriteJournalFile.in(dir, "db").segments().firstEntry().getValue();

        assertEquals(List.of("kept"), texts(WriteJournalFile.in(dir, "db").readAll()));
        assertEquals(whole, Files.size(segment), "the torn tail is cut");
        assertEquals(List.of("kept"), texts(WriteJournalFile.in(dir, "db").readAll()), "and stays cut");
    }

    @Test
    void aRecordWhoseChecksumDoesNotFitEndsTheSegment() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        append(file, "first", "second", "third");
        file.close();
        Path segment = WriteJournalFile.in(dir, "db").segments().firstEntry().getValue();
        byte[] bytes = Files.readAllBytes(segment);
        int secondPayload = WriteJournalFile.framedSize(bytes("first")) + 8;
        bytes[secondPayload] ^= 1; // one bit of "second" flipped
        Files.write(segment, bytes, StandardOpenOption.TRUNCATE_EXISTING);

        assertEquals(List.of("first"), texts(WriteJournalFile.in(dir, "db").readAll()));
    }

    @Test
    void garbageLengthsAreNotRecords() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        append(file, "first");
        file.append(ByteBuffer.wrap(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 1}));
        file.close();

        assertEquals(List.of("first"), texts(WriteJournalFile.in(dir, "db").readAll()));
    }

    @Test
    void deletingKeepsTheCurrentSegmentAndSegmentsAreTheOwnersAlone() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        append(file, "a");
        file.startSegment();
        append(file, "b");
        file.startSegment();
        append(file, "c");
        file.deleteThrough(2);
        assertEquals(List.of(3L), List.copyOf(file.segments().keySet()));
        assertEquals(List.of("c"), texts(file.readAll()));
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file.segments().firstEntry().getValue())));
        }
        file.deleteAll();
        assertTrue(file.segments().isEmpty());
        file.startSegment();
        assertEquals(4, file.currentSegment(), "numbers are never reused within a run");
        file.close();
    }

    private static void append(WriteJournalFile file, String... texts) throws IOException {
        for (String text : texts) {
            file.append(frame(text));
        }
    }

    private static ByteBuffer frame(String text) {
        byte[] payload = bytes(text);
        ByteBuffer buffer = ByteBuffer.allocate(WriteJournalFile.framedSize(payload));
        WriteJournalFile.frame(buffer, payload);
        return buffer.flip();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void framingRoundTrips() throws IOException {
        WriteJournalFile file = WriteJournalFile.in(dir, "db");
        file.startSegment();
        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        ByteBuffer buffer = ByteBuffer.allocate(WriteJournalFile.framedSize(payload));
        WriteJournalFile.frame(buffer, payload);
        file.append(buffer.flip());
        file.close();
        assertArrayEquals(payload, WriteJournalFile.in(dir, "db").readAll().get(0));
    }
}
