package dev.activityhub.application.lead.port.out;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link DocumentContentPort} promises, for the in-memory fake, the database store and the file store alike:
 * bytes addressed by workspace and document, written whole or not at all.
 */
public abstract class DocumentContentContract {
    protected abstract DocumentContentPort contents();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    private byte[] read(UUID ws, UUID id) {
        try (InputStream in = contents().open(ws, id).orElseThrow()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theBytesAreReadBackInTheirWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID id = UUID.randomUUID();
        byte[] bytes = {0, 1, 2, (byte) 255};

        assertEquals(4, contents().write(ws, id, new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, read(ws, id));
        assertTrue(contents().open(newWorkspace(), id).isEmpty());
        assertTrue(contents().open(ws, UUID.randomUUID()).isEmpty());
        UUID empty = UUID.randomUUID();
        assertEquals(0, contents().write(ws, empty, new ByteArrayInputStream(new byte[0])));
        assertArrayEquals(new byte[0], read(ws, empty));
    }

    @Test
    void deletingRemovesTheBytesOfItsWorkspaceOnlyAndMissingBytesAreNoError() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID id = UUID.randomUUID();
        contents().write(ws, id, new ByteArrayInputStream(new byte[] {7}));

        contents().delete(other, id);
        assertArrayEquals(new byte[] {7}, read(ws, id));
        contents().delete(ws, id);
        assertTrue(contents().open(ws, id).isEmpty());
        contents().delete(ws, id);
        contents().delete(ws, UUID.randomUUID());
    }

    @Test
    void aBrokenStreamLeavesNothingBehind() {
        UUID ws = newWorkspace();
        UUID id = UUID.randomUUID();
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThrows(RuntimeException.class, () -> contents().write(ws, id, failing));
        assertTrue(contents().open(ws, id).isEmpty());
    }
}
