package dev.activityhub.http.lead;

import dev.activityhub.application.lead.port.in.ListLeadDocumentsUseCase;
import dev.activityhub.http.lead.LeadResponses.DocumentBody;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/leads/{leadId}/documents}: the lead's documents with signed download URLs. */
public final class LeadDocumentsRoutes implements RouteGroup {
    private final ListLeadDocumentsUseCase documents;

    public LeadDocumentsRoutes(ListLeadDocumentsUseCase documents) {
        this.documents = documents;
    }

    /** The documents as the lead view lists them (newest first, signed URL valid for one hour). */
    record LeadDocumentsBody(boolean success, UUID leadId, List<DocumentBody> documents) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("GET", "/api/v1/leads/{leadId}/documents", "The lead's documents, newest first, each with"
                        + " a signed download URL valid for one hour")
                .response(200, LeadDocumentsBody.class).errors(401, 404);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        // Behind the key like every /api/v1/leads/* path (LeadsRoutes).
        routes.get("/api/v1/leads/{leadId}/documents", ctx -> {
            UUID leadId = ScalarParser.pathId(ctx.pathParam("leadId"), "LEAD_NOT_FOUND", "Lead not found");
            String base = LeadsRoutes.baseUrl(ctx);
            ctx.json(new LeadDocumentsBody(true, leadId, documents.listLeadDocuments(Principals.of(ctx).workspaceId(),
                    leadId).stream().map(link -> DocumentBody.of(link, base)).toList()));
        });
    }
}
