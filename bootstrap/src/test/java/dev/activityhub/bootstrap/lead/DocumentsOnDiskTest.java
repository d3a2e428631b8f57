package dev.activityhub.bootstrap.lead;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a data directory, document bytes live on disk at documents/<workspaceId>/<documentId>. */
class DocumentsOnDiskTest {

    @Test
    void uploadsAreStoredAsWholeFilesAndDownloadIdentically(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(Config.forTests(TestServer.ADMIN_TOKEN).withDocumentsDir(dir))) {
            HttpJson http = server.http();
            OpenApiContract contract = new OpenApiContract(
                    List.of(new HttpJson(server.baseUrl()).get("/openapi/leads.json").expect(200).json()));
            WorkspaceKey ws = server.newWorkspaceWithKey("Disk");
            String[] key = {"x-api-key", ws.key()};
            String leadId = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key).expect(201).text("lead.id");
            byte[] bytes = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
            String docId = new Multipart().field("leadId", leadId).file("notes.txt", "text/plain", bytes)
                    .post(server.baseUrl(), "/api/v1/documents", contract, key).expect(201).text("documents.0.id");

            Path stored = dir.resolve(ws.workspaceId()).resolve(docId);
            assertArrayEquals(bytes, Files.readAllBytes(stored));
            try (Stream<Path> files = Files.list(stored.getParent())) {
                assertEquals(1, files.count(), "no temporary files left behind");
            }
            assertEquals(0L, (long) server.server().infrastructure().database().jdbi().withHandle(h ->
                    h.createQuery("SELECT COUNT(*) FROM document_contents").mapTo(Long.class).one()));
            String url = http.get("/api/v1/leads/" + leadId, key).expect(200).text("documents.0.url");
            assertArrayEquals(bytes, Multipart.download(url).body());
        }
    }
}
