package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.DocumentContentContract;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** Document bytes in files keep the content port's contract. */
class FileSystemDocumentContentContractTest extends DocumentContentContract {
    @TempDir
    Path root;

    @Override
    protected DocumentContentPort contents() {
        return new FileSystemDocumentContent(root);
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }
}
