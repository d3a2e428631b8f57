package dev.activityhub.jdbc.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Stored documents are readable by the service's user only, whatever the umask and the root's mode. */
class OwnerOnlyDocumentsTest {
    @Test
    void documentsAreOwnerOnlyEvenInAnExistingOpenDirectory(@TempDir Path tmp) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path root = Files.createDirectory(tmp.resolve("documents"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        UUID ws = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        new FileSystemDocumentContent(root).write(ws, doc, new ByteArrayInputStream("secret".getBytes()));
        assertEquals("rwx------", mode(root.resolve(ws.toString())));
        assertEquals("rw-------", mode(root.resolve(ws.toString()).resolve(doc.toString())));

        Path fresh = tmp.resolve("fresh").resolve("documents");
        new FileSystemDocumentContent(fresh).write(ws, doc, new ByteArrayInputStream("secret".getBytes()));
        assertEquals("rwx------", mode(fresh));
        assertEquals("rw-------", mode(fresh.resolve(ws.toString()).resolve(doc.toString())));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
