package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.DownloadSignature;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Signs download links with the workspace's stored secret, valid {@link DownloadSignature#VALIDITY} from now.
 * One instance serves every lead service that shows documents.
 */
public final class DocumentLinks {
    private static final int SECRET_BYTES = 32;

    private final DocumentPort documents;
    private final SecretGenerator secrets;
    private final Clock clock;

    public DocumentLinks(DocumentPort documents, SecretGenerator secrets, Clock clock) {
        this.documents = documents;
        this.secrets = secrets;
        this.clock = clock;
    }

    List<DocumentLink> forLead(UUID workspaceId, UUID leadId) {
        List<Document> list = documents.listDocuments(workspaceId, leadId);
        return list.isEmpty() ? List.of() : sign(workspaceId, list);
    }

    List<DocumentLink> sign(UUID workspaceId, List<Document> list) {
        String secret = secret(workspaceId);
        long expires = clock.instant().plus(DownloadSignature.VALIDITY).getEpochSecond();
        return list.stream().map(d -> new DocumentLink(d, expires,
                DownloadSignature.sign(secret, workspaceId, d.id(), expires))).toList();
    }

    String secret(UUID workspaceId) {
        return documents.signingSecret(workspaceId, secrets.randomHex(SECRET_BYTES));
    }
}
