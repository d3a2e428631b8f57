package dev.activityhub.domain.lead;

/** The fields a client may set on a lead, by their API names. */
public enum LeadField {
    FIRST_NAME("firstName", Kind.TEXT),
    MIDDLE_NAME("middleName", Kind.TEXT),
    LAST_NAME("lastName", Kind.TEXT),
    EMAIL("email", Kind.TEXT),
    PHONE_NUMBER("phoneNumber", Kind.TEXT),
    BUSINESS_NAME("businessName", Kind.TEXT),
    WEBSITE("website", Kind.TEXT),
    EXTERNAL_LEAD_ID("externalLeadId", Kind.TEXT),
    TIMEZONE("timezone", Kind.TEXT),
    SOURCE("source", Kind.TEXT),
    IS_TEST("isTest", Kind.BOOLEAN),
    ASSIGNEE_TYPE("assigneeType", Kind.TEXT),
    DID_OPT_OUT("didOptOut", Kind.BOOLEAN),
    EMAIL_VERIFIED("emailVerified", Kind.BOOLEAN),
    TAGS("tags", Kind.TEXT_LIST),
    STATUS("status", Kind.TEXT);

    /** The Java type a field's value has: String, Boolean or List of String. */
    public enum Kind { TEXT, BOOLEAN, TEXT_LIST }

    private final String apiName;
    private final Kind kind;

    LeadField(String apiName, Kind kind) {
        this.apiName = apiName;
        this.kind = kind;
    }

    public String apiName() {
        return apiName;
    }

    public Kind kind() {
        return kind;
    }
}
