package dev.activityhub.jdbc.shared;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The H2 database is readable by the service's user only (it holds webhook secrets). */
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

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
