package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.Document;

import java.util.Objects;

/** A document with a signed download link: the adapter turns expiry and signature into a URL. */
public record DocumentLink(Document document, long expiresEpochSeconds, String signature) {
    public DocumentLink {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(signature, "signature");
    }
}
