package dev.activityhub.application.lead.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.lead.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link DocumentPort} promises, for the in-memory fake and the SQL adapter alike. */
public abstract class DocumentRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    protected abstract DocumentPort documents();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A lead that exists in the workspace (documents belong to one). */
    protected abstract UUID newLead(UUID workspaceId);

    private static Document document(UUID ws, UUID id, UUID lead, String name, Instant at) {
        return new Document(ws, id, lead, null, name, "application/pdf", 1000, "ab".repeat(32),
                Map.of("pages", 2, "source", "upload"), at);
    }

    private Document inserted(UUID ws, UUID id, UUID lead, String name, Instant at) {
        Document d = document(ws, id, lead, name, at);
        documents().insertDocument(d);
        return d;
    }

    @Test
    void aDocumentIsFoundInItsWorkspaceAndBySignedLinkInAny() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        Document d = inserted(ws, UUID.randomUUID(), newLead(ws), "id.pdf", T0);

        assertEquals(d, documents().findDocument(ws, d.id()).orElseThrow());
        assertTrue(documents().findDocument(other, d.id()).isEmpty());
        assertEquals(d, documents().findDocumentInAnyWorkspace(d.id()).orElseThrow());
        assertTrue(documents().findDocument(ws, UUID.randomUUID()).isEmpty());
        assertTrue(documents().findDocumentInAnyWorkspace(UUID.randomUUID()).isEmpty());
    }

    @Test
    void aLeadsDocumentsAreListedNewestFirstWithTheHigherIdFirstOnATie() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        Document oldest = inserted(ws, UUID.randomUUID(), lead, "a.pdf", T0);
        Document tieHigh = inserted(ws, TieIds.high(), lead, "b.pdf", T0.plusSeconds(1));
        Document newest = inserted(ws, UUID.randomUUID(), lead, "d.pdf", T0.plusSeconds(2));
        Document tieLow = inserted(ws, TieIds.low(), lead, "c.pdf", T0.plusSeconds(1));
        inserted(ws, UUID.randomUUID(), newLead(ws), "another lead's.pdf", T0.plusSeconds(3));

        assertEquals(List.of(newest, tieHigh, tieLow, oldest), documents().listDocuments(ws, lead));
        assertTrue(documents().listDocuments(newWorkspace(), lead).isEmpty());
        assertTrue(documents().listDocuments(ws, newLead(ws)).isEmpty());
    }

    @Test
    void theFirstSigningSecretOfAWorkspaceWinsForGood() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();

        assertEquals("aa".repeat(32), documents().signingSecret(ws, "aa".repeat(32)));
        assertEquals("aa".repeat(32), documents().signingSecret(ws, "bb".repeat(32)));
        assertEquals("cc".repeat(32), documents().signingSecret(other, "cc".repeat(32)), "one secret per workspace");
    }
}
