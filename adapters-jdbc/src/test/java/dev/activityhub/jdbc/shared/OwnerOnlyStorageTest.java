package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.lead.FileSystemDocumentContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The H2 database and stored documents are readable by the service's user only (they hold secrets). */
class OwnerOnlyStorageTest {
    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void aNewDataDirectoryAndItsDatabaseAreOwnerOnly(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("nested").resolve("data");
        try (Database db = Database.open(DatabaseSettings.h2File(data))) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
        }
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.getParent()));
        try (Stream<Path> files = Files.list(data)) {
            files.forEach(f -> assertEquals("rw-------", mode(f), f.toString()));
        }
        assertTrue(Files.exists(data.resolve("activityhub.mv.db")));
        try (Database db = Database.open(DatabaseSettings.h2File(data))) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) "
                    + "VALUES (RANDOM_UUID(), 'Acme', CURRENT_TIMESTAMP)"));
        }
        try (Database db = Database.open(DatabaseSettings.h2File(data))) {
            assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workspaces")
                    .mapTo(Integer.class).one()), "the database reopens with its data");
        }
    }

    @Test
    void anExistingWorldReadableDataDirectoryIsTightened(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Database db = Database.open(DatabaseSettings.h2File(data))) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
        }
        Path file = data.resolve("activityhub.mv.db");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(DatabaseSettings.h2File(data))) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
        }
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void documentsAreOwnerOnlyEvenInAnExistingOpenDirectory(@TempDir Path tmp) throws IOException {
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

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
