package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checklist item codes a workspace defines. Templates arrive with the checklist feature; until
 * then every workspace has the empty template, so any item a client sends is unknown.
 */
public record ChecklistTemplate(Set<String> codes) {
    public ChecklistTemplate {
        codes = Set.copyOf(codes);
    }

    public static ChecklistTemplate empty() {
        return new ChecklistTemplate(Set.of());
    }

    /** Rejects every code the template does not define (the list holds the codes as sent, nulls included). */
    public void requireKnown(List<String> requestedCodes) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requestedCodes.size(); i++) {
            String code = requestedCodes.get(i);
            if (code == null || !codes.contains(code)) {
                errors.add(new FieldError("checklistItems." + i + ".code", "unknown_code",
                        "Unknown checklist item code '" + code + "'", code));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
