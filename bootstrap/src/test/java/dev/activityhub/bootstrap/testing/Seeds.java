package dev.activityhub.bootstrap.testing;

/** Request bodies exactly as the vendor documents give them (shared/seeds), for tests to send verbatim. */
public final class Seeds {
    private Seeds() {
    }

    /** The lead id seed 000 uses; tests replace it with a lead of their own ({@link #activityFor}). */
    public static final String SEED_000_LEAD_ID = "a9d0a790-201b-47e9-84ed-cc7eed1270c5";

    /** Seed 000's POST /api/v1/activity body, unchanged. */
    public static final String SEED_000_BODY = """
            {
              "leadId": "a9d0a790-201b-47e9-84ed-cc7eed1270c5",
              "eventType": "sales_call",
              "title": "Intro call – SBA loan interest",
              "description": "Successful intro call. Borrower runs Pacific Coast Container Haulers (drayage at Port of Long Beach). In business 4 years, ~8 employees, ~$1.2M revenue. Interested in SBA 7(a) to refinance equipment and add a truck (~$180–220K). Next step: collect last two years of tax returns.",
              "metadata": {
                "durationMinutes": 25,
                "outcome": "positive",
                "loanType": "SBA",
                "nextStep": "Request last 2 years of tax returns",
                "followUpDays": 2
              }
            }""";

    /** Seed 000's body for another lead. */
    public static String activityFor(String leadId) {
        return SEED_000_BODY.replace(SEED_000_LEAD_ID, leadId);
    }
}
