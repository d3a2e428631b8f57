package dev.activityhub.jdbc.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Directories (700) and files (600) only the service's own user can read: the H2 database holds webhook
 * secrets and key hashes, documents are customers' files. The modes are set explicitly, whatever the
 * umask, and tightened on directories and files that already exist. On a file system without POSIX
 * permissions (Windows) the operating system's defaults apply.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} (and missing parents) owner-only, or tightens it when it exists. */
    public static Path directory(Path dir) {
        try {
            if (!posix(dir)) {
                return Files.createDirectories(dir);
            }
            if (Files.isDirectory(dir)) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
                return dir;
            }
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another thread made it meanwhile
            }
            Files.setPosixFilePermissions(dir, DIRECTORY); // the umask may have taken bits away, never added
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create directory " + dir, e);
        }
    }

    /** Creates a new, empty owner-only temporary file in {@code dir}. */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        return posix(dir) ? Files.createTempFile(dir, prefix, suffix, fileAttribute())
                : Files.createTempFile(dir, prefix, suffix);
    }

    /** Tightens every regular file directly inside {@code dir} to owner-only (e.g. files an older version made). */
    public static void filesIn(Path dir) {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not restrict the files in " + dir, e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
