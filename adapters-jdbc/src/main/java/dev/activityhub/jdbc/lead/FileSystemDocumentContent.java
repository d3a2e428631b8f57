package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.jdbc.shared.OwnerOnlyFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Document bytes on disk at {@code <root>/<workspaceId>/<documentId>}. Each write goes to a temporary
 * file in the same directory and is moved into place atomically once complete, so a reader never
 * sees a partial file and a failed write leaves nothing behind. Directories are created 700 and files
 * 600 (the move keeps the temporary file's mode), even inside a root that already existed.
 */
public final class FileSystemDocumentContent implements DocumentContentPort {
    private final Path root;

    public FileSystemDocumentContent(Path root) {
        this.root = root;
    }

    @Override
    public long write(UUID workspaceId, UUID documentId, InputStream content) {
        Path target = path(workspaceId, documentId);
        Path temp = null;
        try {
            OwnerOnlyFiles.directory(target.getParent());
            temp = OwnerOnlyFiles.tempFile(target.getParent(), ".upload-" + documentId, ".tmp");
            long size;
            // Written into the temporary file as created (600); Files.copy would replace it with a new one.
            try (OutputStream out = Files.newOutputStream(temp)) {
                size = content.transferTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return size;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not store document " + documentId, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(UUID workspaceId, UUID documentId) {
        try {
            return Optional.of(Files.newInputStream(path(workspaceId, documentId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(UUID workspaceId, UUID documentId) {
        try {
            Files.deleteIfExists(path(workspaceId, documentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both parts are UUIDs, so the path cannot escape the root. */
    private Path path(UUID workspaceId, UUID documentId) {
        return root.resolve(workspaceId.toString()).resolve(documentId.toString());
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: the temp name marks it as an unfinished upload
        }
    }
}
