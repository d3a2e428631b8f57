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

    /** Seed 002's example action_log.completed body (an inbound email with a PDF), unchanged. */
    public static final String SEED_002_EXAMPLE = """
            {
              "event": "action_log.completed",
              "actionLog": {
                "id": "59ac65a5-33fe-43a6-924b-134c582a285e",
                "type": "MESSAGE",
                "status": "COMPLETED",
                "leadId": "4cc8af99-b313-4c1f-b98b-009f38a4721a",
                "summary": "Incoming email: docs",
                "input": {
                  "channel": "EMAIL",
                  "direction": "INBOUND",
                  "metadata": {
                    "agentMailData": {
                      "to": ["Mark Ding <mark-local@agent.getomni.ai>"],
                      "from": "Mark Ding <markdingkl@gmail.com>",
                      "subject": "docs"
                    }
                  }
                },
                "output": null,
                "messages": [
                  {
                    "id": "2421bef7-95bc-4546-92a3-c7e5600fbb6a",
                    "body": "<div dir=\\"ltr\\"><br></div>\\n",
                    "channel": "EMAIL",
                    "subject": "docs",
                    "direction": "INBOUND",
                    "documents": [
                        {
                            "id": "2421bef7-95bc-4546-92a3-c7e5600fbb6a",
                            "filename": "docs.pdf",
                            "mimeType": "application/pdf",
                            "size": 1000
                        }
                    ]
                  }
                ],
                "completedAt": "2025-10-30T20:07:17.553Z"
              },
              "workspaceId": "6048d78a-584a-4f1e-9e39-e011ca4cc48c"
            }""";
}
