package dev.activityhub.domain.lead;

import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A person (and their business) the workspace is collecting information from.
 *
 * @param explicitStatus a status set through the API, or null to let submission and the checklist decide
 *                       (see {@link LeadStatus#of})
 * @param completedAt    when the lead first became COMPLETED; set once and never cleared, so lead.completed fires once
 */
public record Lead(
        UUID workspaceId,
        UUID id,
        String firstName,
        String middleName,
        String lastName,
        String email,
        String phoneNumber,
        String businessName,
        String website,
        String externalLeadId,
        String timezone,
        String source,
        boolean isTest,
        AssigneeType assigneeType,
        boolean didOptOut,
        Instant optOutAt,
        Instant emailVerifiedAt,
        Instant phoneVerifiedAt,
        List<String> tags,
        LeadStatus explicitStatus,
        String activitySummary,
        String externalPortalLink,
        Instant submittedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public static final String DEFAULT_SOURCE = "api";
    public static final AssigneeType DEFAULT_ASSIGNEE = AssigneeType.HUMAN_AGENT;
    static final int MAX_TAGS = 50;

    public Lead {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(assigneeType, "assigneeType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
    }

    /** A new lead from a create request; firstName is required. Phone numbers are read with {@code phones}. */
    public static Lead create(UUID workspaceId, UUID id, LeadChanges changes, Instant now, PhoneNumbers phones) {
        Lead blank = new Lead(workspaceId, id, "", null, null, null, null, null, null, null, null, DEFAULT_SOURCE,
                false, DEFAULT_ASSIGNEE, false, null, null, null, List.of(), null, null, null, null, null, now, now, null);
        if (changes.has(LeadField.FIRST_NAME)) {
            return blank.apply(changes, now, phones);
        }
        // The missing firstName and whatever else is wrong, in one answer.
        List<FieldError> errors = new ArrayList<>();
        errors.add(FieldError.of("firstName", Rule.REQUIRED, null));
        try {
            blank.apply(changes, now, phones);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        throw new ValidationException(errors);
    }

    /**
     * Every rule the given fields break, judged without a lead (no field's rule depends on the lead it
     * changes): empty when none. A request that names no lead is still told about each bad field.
     */
    public static List<FieldError> changeErrors(LeadChanges changes, PhoneNumbers phones) {
        Instant epoch = Instant.EPOCH;
        Lead blank = new Lead(new UUID(0, 0), new UUID(0, 0), "", null, null, null, null, null, null, null, null,
                DEFAULT_SOURCE, false, DEFAULT_ASSIGNEE, false, null, null, null, List.of(), null, null, null, null,
                null, epoch, epoch, null);
        try {
            blank.apply(changes, epoch, phones);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /**
     * This lead with the given fields changed, every field validated and normalised (all failures
     * reported together). Returns {@code this} when nothing actually changes. Phone numbers are read with
     * {@code phones} (its default region applies to numbers written without a country code).
     */
    public Lead apply(LeadChanges changes, Instant now, PhoneNumbers phones) {
        Objects.requireNonNull(phones, "phones");
        LeadEdit d = new LeadEdit(this);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<LeadField, Object> change : changes.values().entrySet()) {
            try {
                d.set(change.getKey(), change.getValue(), now, phones);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (d.build().equals(this)) {
            return this;
        }
        d.updatedAt = now;
        return d.build();
    }

    /** The lead's status given the states of the checklist items that apply ({@link LeadChecklist#states}). */
    public LeadStatus status(List<ChecklistItemState> checklist) {
        return LeadStatus.of(didOptOut, explicitStatus, submittedAt != null, checklist);
    }

    /** This lead with {@code updatedAt} moved: something it owns (its checklist) changed. */
    public Lead touched(Instant at) {
        return with(d -> d.updatedAt = at);
    }

    /** Records the first completion; later completions keep the first timestamp. */
    public Lead markCompleted(Instant at) {
        return completedAt != null ? this : with(d -> d.completedAt = at);
    }

    /** The one copy path: every changed lead is built by {@link LeadEdit#build}, fields by name, not by slot. */
    private Lead with(Consumer<LeadEdit> change) {
        LeadEdit d = new LeadEdit(this);
        change.accept(d);
        return d.build();
    }

    /**
     * Mutable working copy of the fields a lead's own methods change, so {@link #apply} reads as a list
     * of field rules; the rest come from {@code base}.
     */
    private static final class LeadEdit {
        private final Lead base;
        private String firstName;
        private String middleName;
        private String lastName;
        private String email;
        private String phoneNumber;
        private String businessName;
        private String website;
        private String externalLeadId;
        private String timezone;
        private String source;
        private boolean isTest;
        private AssigneeType assigneeType;
        private boolean didOptOut;
        private Instant optOutAt;
        private Instant emailVerifiedAt;
        private List<String> tags;
        private LeadStatus explicitStatus;
        private Instant completedAt;
        private Instant updatedAt;

        LeadEdit(Lead l) {
            base = l;
            firstName = l.firstName;
            middleName = l.middleName;
            lastName = l.lastName;
            email = l.email;
            phoneNumber = l.phoneNumber;
            businessName = l.businessName;
            website = l.website;
            externalLeadId = l.externalLeadId;
            timezone = l.timezone;
            source = l.source;
            isTest = l.isTest;
            assigneeType = l.assigneeType;
            didOptOut = l.didOptOut;
            optOutAt = l.optOutAt;
            emailVerifiedAt = l.emailVerifiedAt;
            tags = l.tags;
            explicitStatus = l.explicitStatus;
            completedAt = l.completedAt;
            updatedAt = l.updatedAt;
        }

        void set(LeadField field, Object value, Instant now, PhoneNumbers phones) {
            String name = field.apiName();
            switch (field) {
                case FIRST_NAME -> firstName = Text.required(name, (String) value, 200);
                case MIDDLE_NAME -> middleName = Text.optional(name, (String) value, 200);
                case LAST_NAME -> lastName = Text.optional(name, (String) value, 200);
                case EMAIL -> email = Text.trimToNull((String) value) == null ? null
                        : User.normalizeEmail(name, (String) value);
                case PHONE_NUMBER -> phoneNumber = Text.trimToNull((String) value) == null ? null
                        : phones.toE164(name, (String) value);
                case BUSINESS_NAME -> businessName = Text.optional(name, (String) value, 300);
                case WEBSITE -> website = Text.optional(name, (String) value, 2048);
                case EXTERNAL_LEAD_ID -> externalLeadId = Text.optional(name, (String) value, 200);
                case TIMEZONE -> timezone = timezone(name, (String) value);
                case SOURCE -> {
                    String s = Text.optional(name, (String) value, 100);
                    source = s == null ? DEFAULT_SOURCE : s;
                }
                case IS_TEST -> isTest = requiredBoolean(name, value);
                case ASSIGNEE_TYPE -> assigneeType = AssigneeType.parse(name, (String) value);
                case DID_OPT_OUT -> {
                    boolean optOut = requiredBoolean(name, value);
                    if (optOut && !didOptOut) {
                        optOutAt = now;
                    } else if (!optOut) {
                        optOutAt = null;
                    }
                    didOptOut = optOut;
                }
                case EMAIL_VERIFIED -> {
                    boolean verified = requiredBoolean(name, value);
                    if (verified && emailVerifiedAt == null) {
                        emailVerifiedAt = now;
                    } else if (!verified) {
                        emailVerifiedAt = null;
                    }
                }
                case TAGS -> tags = tags(name, value);
                case STATUS -> explicitStatus = LeadStatus.parseSettable(name, (String) value);
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        }

        Lead build() {
            Lead b = base;
            return new Lead(b.workspaceId, b.id, firstName, middleName, lastName, email, phoneNumber, businessName,
                    website, externalLeadId, timezone, source, isTest, assigneeType, didOptOut, optOutAt,
                    emailVerifiedAt, b.phoneVerifiedAt, tags, explicitStatus, b.activitySummary, b.externalPortalLink,
                    b.submittedAt, completedAt, b.createdAt, updatedAt, b.deletedAt);
        }

        private static boolean requiredBoolean(String field, Object value) {
            if (value == null) {
                throw ValidationException.of(field, Rule.NOT_BOOLEAN, null, null);
            }
            return (Boolean) value;
        }

        private static String timezone(String field, String value) {
            String zone = Text.optional(field, value, 100);
            if (zone == null) {
                return null;
            }
            try {
                return ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                throw ValidationException.of(field, Rule.NOT_TIME_ZONE, null, value);
            }
        }

        private static List<String> tags(String field, Object value) {
            if (value == null) {
                return List.of();
            }
            List<?> raw = (List<?>) value;
            Set<String> unique = new LinkedHashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                unique.add(Text.required(field + "." + i, (String) raw.get(i), 100));
            }
            if (unique.size() > MAX_TAGS) {
                throw ValidationException.of(field, Rule.TOO_MANY, MAX_TAGS, null);
            }
            return List.copyOf(unique);
        }
    }
}
