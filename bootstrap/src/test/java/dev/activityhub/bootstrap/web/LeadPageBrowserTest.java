package dev.activityhub.bootstrap.web;

import dev.activityhub.bootstrap.MutableClock;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.Seeds;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in headless Chromium against a real server: sign in, the lead list, the lead's
 * timeline (badge, time, "Read more", "Details"), live updates, escaping, and the screenshots.
 * All test data is written through the public API, exactly as the page reads it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadPageBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String XSS = "<img src=x onerror=alert(1)>";

    /** Seed 000's request body, verbatim but for the lead id. */

    private static TestServer server;
    private static Browser browser;
    private static HttpJson http;
    private static WorkspaceKey workspace;
    private static String johnId;
    private static String eveId;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        server = TestServer.start();
        http = server.http();
        workspace = server.newWorkspaceWithKey("Pacific Lending");
        seed();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A lead with a few days of history (times set through the server's clock), plus neighbours for the list. */
    private static void seed() {
        MutableClock clock = server.server().infrastructure().clock();
        Instant now = Instant.now();
        for (int i = 1; i <= 21; i++) {
            clock.freezeAt(now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i)));
            createLead(Map.of("firstName", "Casey", "lastName", "Filler " + i, "businessName", "Filler Freight " + i));
        }
        clock.freezeAt(now.minus(Duration.ofDays(3)));
        johnId = createLead(Map.of("firstName", "John", "lastName", "Doe",
                "businessName", "Pacific Coast Container Haulers", "email", "john@example.com",
                "phoneNumber", "+16782319992", "website", "pacificcoasthaulers.example", "tags", List.of("SBA", "Trucking")));
        clock.freezeAt(now.minus(Duration.ofDays(2)));
        activity(johnId, "document_error", "Bank statement unreadable",
                "The March bank statement upload was a blurry photo. Asked the borrower to upload the PDF export instead.",
                Map.of("document", "bank_statement_2025_03.jpg", "reason", "LOW_RESOLUTION"));
        clock.freezeAt(now.minus(Duration.ofHours(5)));
        activity(johnId, "status_change", "Moved to underwriting review", null,
                ordered("from", "Prospect", "to", "Underwriting", "changedBy", ordered("name", "Dana Ruiz", "team", "Sales")));
        clock.freezeAt(now.minus(Duration.ofMinutes(3)));
        http.post("/api/v1/activity", Seeds.activityFor(johnId), key()).expect(201);
        clock.freezeAt(now.minus(Duration.ofMinutes(1)));
        eveId = createLead(Map.of("firstName", "Eve", "lastName", "Mallory", "businessName", "<b>Evil</b> & Co"));
        clock.resetToSystemTime();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String createLead(Map<String, Object> fields) {
        return http.post("/api/v1/leads", HttpJson.json(fields), key()).expect(201).text("lead.id");
    }

    private static String activity(String leadId, String eventType, String title, String description,
                                   Map<String, Object> metadata) {
        Map<String, Object> body = ordered("leadId", leadId, "eventType", eventType, "title", title);
        if (description != null) {
            body.put("description", description);
        }
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        return http.post("/api/v1/activity", HttpJson.json(body), key()).expect(201).text("actionLogId");
    }

    private static String[] key() {
        return new String[] {"x-api-key", workspace.key()};
    }

    /** Opens a page of the app signed in (the key put where the sign-in form puts it). */
    private static void openSignedIn(String path) {
        browser.open(server.baseUrl() + "/app/");
        browser.js("sessionStorage.setItem('activityhub.apiKey', arguments[0])", workspace.key());
        browser.open(server.baseUrl() + path);
    }

    private static WebElement card(String title) {
        return browser.waitFor("card " + title, () -> browser.findAll("#timeline .tl-item").stream()
                .filter(li -> li.findElement(org.openqa.selenium.By.cssSelector(".tl-title")).getText().equals(title))
                .findFirst().orElse(null));
    }

    private static WebElement within(WebElement root, String css) {
        return root.findElement(org.openqa.selenium.By.cssSelector(css));
    }

    private static void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    @Order(1)
    void signInRejectsAWrongKeyAndKeepsTheRightOneInTheTabOnly() {
        browser.viewport(1280, 900, false);
        browser.open(server.baseUrl() + "/app/");
        browser.js("sessionStorage.clear()");
        browser.open(server.baseUrl() + "/app/");
        WebElement input = browser.visible("#api-key");
        assertEquals("Workspace API key", browser.find("label[for=api-key]").getText());
        assertTrue(browser.find("#view-leads").getAttribute("hidden") != null, "no data before signing in");

        input.sendKeys("ahk_not-a-real-key");
        browser.find("#signin-submit").click();
        browser.waitFor("rejection", () -> browser.find("#signin-error").getText().contains("not accepted"));
        assertNull(browser.js("return sessionStorage.getItem('activityhub.apiKey')"));

        browser.find("#api-key").clear();
        browser.find("#api-key").sendKeys(workspace.key(), Keys.ENTER);
        browser.visible("#leads-body tr[data-lead-id]");
        assertEquals(workspace.key(), browser.js("return sessionStorage.getItem('activityhub.apiKey')"));
        assertTrue(browser.driver().manage().getCookies().isEmpty(), "the key is never put in a cookie");
        assertFalse(browser.driver().getCurrentUrl().contains(workspace.key()), "nor in the URL");
        assertNull(browser.js("return localStorage.getItem('activityhub.apiKey')"), "nor in localStorage");

        browser.find("#sign-out").click();
        browser.visible("#api-key");
        assertNull(browser.js("return sessionStorage.getItem('activityhub.apiKey')"));
    }

    @Test
    @Order(2)
    void leadListShowsSearchesAndPages() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/");
        // Newest first: Eve, then John with his columns filled in.
        WebElement first = browser.visible("#leads-body tr[data-lead-id]");
        assertEquals(eveId, first.getAttribute("data-lead-id"));
        assertEquals("<b>Evil</b> & Co", within(first, ".business").getText(), "business names are text, not markup");
        WebElement john = browser.find("#leads-body tr[data-lead-id='" + johnId + "']");
        assertEquals("John Doe", within(john, ".lead-link-name").getText());
        assertEquals("Pacific Coast Container Haulers", within(john, ".business").getText());
        assertEquals("In progress", within(john, ".pill").getText());
        // Seed 003: lastAction is the latest completed outbound message or follow-up; John only has custom
        // activities, so none (the last-action column with one is checked once a draft is sent, below).
        browser.waitFor("last action", () -> within(john, ".last-action").getText().equals("None"));
        assertTrue(within(john, "td[data-label=Updated] time").getAttribute("datetime").startsWith("20"));

        // 23 leads, 20 a page.
        assertEquals("Page 1 of 2", browser.find("#page-info").getText());
        assertEquals(20, browser.findAll("#leads-body tr[data-lead-id]").size());
        assertEquals("true", browser.find("#page-prev").getAttribute("disabled"));
        browser.find("#page-next").click();
        browser.waitFor("page 2", () -> browser.find("#page-info").getText().equals("Page 2 of 2"));
        browser.waitFor("3 rows", () -> browser.findAll("#leads-body tr[data-lead-id]").size() == 3);
        assertEquals("true", browser.find("#page-next").getAttribute("disabled"));

        browser.find("#lead-search").sendKeys("pacific coast");
        browser.waitFor("search", () -> browser.findAll("#leads-body tr[data-lead-id]").size() == 1
                && browser.find("#leads-body tr[data-lead-id]").getAttribute("data-lead-id").equals(johnId));
        assertTrue(browser.find("#leads-status").getText().startsWith("1 lead"));
        assertTrue(browser.find("#leads-pager").getAttribute("hidden") != null, "one page: no pager");

        browser.find("#leads-body tr[data-lead-id] a").click();
        browser.waitFor("lead page", () -> browser.driver().getCurrentUrl().endsWith("/app/leads/" + johnId));
        browser.waitFor("header", () -> browser.find("#lead-name").getText().equals("John Doe"));
    }

    @Test
    @Order(3)
    void leadPageShowsTheHeaderAndTheSalesCallCard() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + johnId);
        browser.waitFor("header", () -> browser.find("#lead-name").getText().equals("John Doe"));
        assertEquals("Pacific Coast Container Haulers", browser.find("#lead-business").getText());
        assertEquals("In progress", browser.find("#lead-status").getText());
        assertTrue(browser.find("#lead-status").getAttribute("class").contains("pill-in-progress"));
        String contact = browser.find("#lead-contact").getText();
        assertTrue(contact.contains("john@example.com") && contact.contains("+16782319992"), contact);
        assertEquals("mailto:john@example.com", browser.find("#lead-contact a[href^=mailto]").getAttribute("href"));
        assertEquals("John Doe · Activity Hub", browser.driver().getTitle());

        // Landmarks and headings a screen reader can navigate by.
        assertEquals(1, browser.findAll("header[role=banner]").size());
        assertEquals(1, browser.findAll("main#main").size());
        assertFalse(browser.findAll("nav[aria-label=Main]").isEmpty());
        assertFalse(browser.findAll("aside[aria-label]").isEmpty());

        WebElement card = card("Intro call – SBA loan interest");
        assertEquals("sales_call", within(card, ".badge").getText());
        WebElement time = within(card, "time");
        assertEquals("3 min ago", time.getText());
        assertFalse(time.getAttribute("title").isBlank(), "the exact time on hover");
        assertTrue(time.getAttribute("datetime").endsWith("Z"));

        // Newest first: the sales call, the status change, the document error, then "Lead created".
        List<String> titles = browser.findAll("#timeline .tl-title").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Intro call – SBA loan interest", "Moved to underwriting review",
                "Bank statement unreadable", "Lead created"), titles);
        assertEquals("API activity", within(browser.findAll("#timeline .tl-item").get(3), ".badge").getText(),
                "a log without eventType is badged with its type");

        // Checklist and documents: none yet for this lead.
        assertEquals("No checklist for this lead yet.", browser.find("#checklist").getText());
        assertEquals("No documents yet.", browser.find("#documents").getText());
    }

    @Test
    @Order(4)
    void readMoreExpandsAndCollapsesTheClippedDescriptionByMouseAndKeyboard() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + johnId);
        WebElement card = card("Intro call – SBA loan interest");
        WebElement text = within(card, ".tl-desc");
        WebElement button = browser.waitFor("Read more", () -> {
            WebElement b = within(card, ".read-more");
            return b.isDisplayed() ? b : null;
        });
        assertEquals("Read more", button.getText());
        assertEquals("false", button.getAttribute("aria-expanded"));
        assertEquals(text.getAttribute("id"), button.getAttribute("aria-controls"));
        assertTrue(clipped(text), "the long description starts clipped");

        button.click();
        assertEquals("true", button.getAttribute("aria-expanded"));
        assertEquals("Show less", button.getText());
        assertFalse(clipped(text), "expanded: the whole description shows");
        assertTrue(text.getText().endsWith("Next step: collect last two years of tax returns."));

        button.sendKeys(Keys.ENTER); // a real <button>: the keyboard works too
        assertEquals("false", button.getAttribute("aria-expanded"));
        assertTrue(clipped(text));
        button.sendKeys(Keys.SPACE);
        assertEquals("true", button.getAttribute("aria-expanded"));

        // A description that fits gets no toggle.
        WebElement shortCard = card("Bank statement unreadable");
        assertFalse(within(shortCard, ".read-more").isDisplayed());
    }

    private static boolean clipped(WebElement text) {
        return (Boolean) browser.js("return arguments[0].scrollHeight > arguments[0].clientHeight + 1", text);
    }

    @Test
    @Order(5)
    void detailsListTheMetadataReadably() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + johnId);
        WebElement details = within(card("Intro call – SBA loan interest"), ".tl-details");
        assertEquals("Details", within(details, "h4").getAttribute("textContent"));
        assertEquals("Duration minutes", within(details, "[data-key=durationMinutes] dt").getText());
        assertEquals("25", within(details, "[data-key=durationMinutes] dd").getText());
        assertEquals("positive", within(details, "[data-key=outcome] dd").getText());
        assertEquals("Request last 2 years of tax returns", within(details, "[data-key=nextStep] dd").getText());
        assertEquals("2", within(details, "[data-key=followUpDays] dd").getText());

        // A nested object is a nested list of keys and values, not a JSON dump.
        WebElement changedBy = within(card("Moved to underwriting review"), "[data-key=changedBy] dd");
        assertEquals("Dana Ruiz", within(changedBy, "[data-key=name] dd").getText());
        assertEquals("Sales", within(changedBy, "[data-key=team] dd").getText());
        assertFalse(changedBy.getText().contains("{"), changedBy.getText());
    }

    @Test
    @Order(7)
    void aNewActivityAppearsOnTopWithoutAReload() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + johnId);
        card("Intro call – SBA loan interest");
        browser.js("window.__sameDocument = true");

        activity(johnId, "follow_up", "Tax returns requested", "Sent the document request for 2023 and 2024 returns.",
                Map.of("channel", "EMAIL"));

        browser.waitFor("new card on top", () -> browser.find("#timeline .tl-item .tl-title").getText()
                .equals("Tax returns requested"));
        assertEquals(Boolean.TRUE, browser.js("return window.__sameDocument === true"), "no reload happened");
        WebElement top = browser.find("#timeline .tl-item");
        assertEquals("follow_up", within(top, ".badge").getText());
        assertEquals("just now", within(top, "time").getText());
        assertTrue(top.getAttribute("class").contains("tl-new"));
        assertEquals(5, browser.findAll("#timeline .tl-item").size(), "each log shown once");
        assertTrue(browser.find("#timeline-announcer").getAttribute("textContent").contains("Tax returns requested"),
                "screen readers hear about it");
    }

    @Test
    @Order(8)
    void apiTextIsShownAsTextNeverAsMarkup() {
        browser.viewport(1280, 900, false);
        activity(eveId, "<script>alert(2)</script>", XSS, "<b>bold?</b> <script>alert(3)</script>",
                Map.of(XSS, "<svg onload=alert(4)>", "nested", Map.of("html", "<iframe src=javascript:alert(5)>")));
        openSignedIn("/app/leads/" + eveId);
        WebElement card = card(XSS);
        assertEquals(XSS, within(card, ".tl-title").getText());
        assertEquals("<script>alert(2)</script>", within(card, ".badge").getText());
        assertEquals("<b>bold?</b> <script>alert(3)</script>", within(card, ".tl-desc").getText());
        assertEquals("<svg onload=alert(4)>", within(card, ".kv-row[data-key='" + XSS + "'] dd").getText());
        assertEquals("<iframe src=javascript:alert(5)>", within(card, "[data-key=nested] [data-key=html] dd").getText());
        assertEquals("<b>Evil</b> & Co", browser.find("#lead-business").getText());
        assertEquals(0L, browser.js("return document.querySelectorAll('main img, main script, main svg, main iframe, main b').length"));
        assertNoAlert();
    }

    @Test
    @Order(9)
    void checklistDocumentsAndMessagesRenderTheSeedShapes() {
        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + eveId);
        card(XSS);
        // The API has no checklist, documents or messages to give yet: feed seed 003's shapes to the page's renderers.
        browser.js("""
                const groups = [{id: 'g1', name: 'Business Information', conditions: null, items: [
                  {id: 'lci-1', checklistItemId: 'ci-1', value: 'Pacific Coast Container Haulers', status: 'COMPLETED', itemOverride: null,
                   checklistItem: {id: 'ci-1', code: 'business_name', label: 'Business Name', fieldType: 'TEXT', isRequired: true, conditions: null}},
                  {id: 'lci-2', checklistItemId: 'ci-2', value: null, status: 'TODO', itemOverride: null,
                   checklistItem: {id: 'ci-2', code: 'tax_returns', label: 'Tax returns', fieldType: 'FILE', isRequired: true, conditions: null}},
                  {id: 'lci-3', checklistItemId: 'ci-3', value: {years: 4}, status: 'NEEDS_REVIEW', itemOverride: null,
                   checklistItem: {id: 'ci-3', code: 'time_in_business', label: 'Time in business', fieldType: 'NUMBER', isRequired: false}}]}];
                const docs = [
                  {id: 'd1', filename: 'tax_return_2024.pdf', size: 248000, url: '/files/d1?sig=abc', mimeType: 'application/pdf',
                   uploadedAt: new Date().toISOString(), associatedChecklistItemId: 'lci-2'},
                  {id: 'd2', filename: 'evil.pdf', size: 10, url: 'javascript:alert(6)', mimeType: 'application/pdf',
                   uploadedAt: new Date().toISOString(), associatedChecklistItemId: null}];
                ActivityHubView.renderChecklist(document.getElementById('checklist'), groups);
                ActivityHubView.renderDocuments(document.getElementById('documents'), docs, groups);
                const li = ActivityHubView.card({id: 'm1', type: 'MESSAGE', status: 'COMPLETED', summary: 'Incoming email: docs',
                  createdAt: new Date().toISOString(), messages: [{id: 'x', channel: 'EMAIL', direction: 'INBOUND', subject: 'docs',
                  body: '<div dir="ltr">Here are the docs<br>Thanks <img src=x onerror=alert(7)></div>',
                  documents: [{id: 'd3', filename: 'docs.pdf', mimeType: 'application/pdf', size: 1000}]}]});
                document.getElementById('timeline').prepend(li);
                """);
        WebElement group = browser.find("#checklist .check-group");
        assertEquals("Business Information", within(group, "h3").getText());
        assertEquals("1 of 3 done", within(group, ".check-group-head .muted").getText());
        WebElement name = within(group, "[data-code=business_name]");
        assertTrue(name.getText().contains("Business Name") && name.getText().contains("Pacific Coast Container Haulers"));
        assertEquals("Done", within(name, ".chip").getText());
        assertEquals("To do", within(group, "[data-code=tax_returns] .chip").getText());
        assertEquals("Needs review", within(group, "[data-code=time_in_business] .chip").getText());
        assertTrue(within(group, "[data-code=time_in_business] .check-value").getText().contains("4"));

        WebElement download = browser.find("#documents a.doc-link");
        assertEquals("tax_return_2024.pdf", download.getText());
        assertEquals(server.baseUrl() + "/files/d1?sig=abc", download.getAttribute("href"));
        assertEquals("tax_return_2024.pdf", download.getAttribute("download"));
        assertTrue(browser.find("#documents").getText().contains("For: Tax returns"));
        assertTrue(browser.find("#documents").getText().contains("242.2 KB"));
        assertEquals(1, browser.findAll("#documents a").size(), "a javascript: URL is never a link");

        WebElement message = browser.find("#timeline .message");
        assertEquals("EMAIL", within(message, ".chip-channel").getText());
        assertEquals("↓ Inbound", within(message, ".direction").getText());
        assertEquals("docs", within(message, ".message-subject").getText());
        assertEquals("Here are the docs\nThanks", within(message, ".message-body").getText());
        assertEquals("docs.pdf", within(message, ".doc-name").getText());
        assertEquals(0L, browser.js("return document.querySelectorAll('main img').length"));
        assertNoAlert();
    }

    @Test
    @Order(10)
    void messagesFollowUpsDraftsAndToolCallsComeFromTheApiAndDraftsAreDecidedOnThePage() {
        browser.viewport(1280, 900, false);
        String leadId = createLead(Map.of("firstName", "Tina", "lastName", "Timeline", "email", "tina@example.com"));
        http.post("/api/v1/leads/" + leadId + "/messages", HttpJson.json(ordered("channel", "EMAIL",
                "direction", "INBOUND", "subject", "docs", "body", "<div>Here you go " + XSS + "</div>")), key())
                .expect(201);
        String followUp = http.post("/api/v1/leads/" + leadId + "/follow-ups", HttpJson.json(ordered("channel", "SMS",
                "body", "Reminder: tax returns", "scheduledAt", Instant.now().plus(Duration.ofDays(1)).toString())),
                key()).expect(201).text("actionLogId");
        String draft = http.post("/api/v1/leads/" + leadId + "/drafts", HttpJson.json(ordered("channel", "EMAIL",
                "subject", "Next steps", "body", "Please sign the form")), key()).expect(201).text("actionLogId");
        http.post("/api/v1/leads/" + leadId + "/tool-calls", HttpJson.json(ordered("tool", Map.of("name", "lookup_ein"),
                "input", Map.of("ein", "12-3456789"), "output", Map.of("found", true), "parentActionId", draft)), key())
                .expect(201);
        openSignedIn("/app/leads/" + leadId);

        WebElement inbound = card("Incoming email: docs");
        assertEquals("↓ Inbound", within(inbound, ".direction").getText());
        assertEquals("Here you go", within(inbound, ".message-body").getText(), "an HTML body is shown as its text");
        WebElement pending = card("Outgoing SMS: Reminder: tax returns");
        assertTrue(within(pending, ".tl-scheduled").getText().startsWith("Scheduled for"));
        assertEquals("Cancel follow-up", within(pending, "button[data-action=cancel]").getText());
        WebElement drafted = card("Outgoing email: Next steps");
        assertEquals("lookup_ein", within(drafted, ".tool-calls .tool-name").getText());
        assertTrue(browser.findAll("#timeline > .tl-item").stream()
                .noneMatch(li -> li.getText().contains("Tool call: lookup_ein")),
                "a tool call made for a log is shown under it, not as a card of its own");

        within(drafted, "button[data-action=approve]").click();
        browser.waitFor("the draft sent", () -> "COMPLETED".equals(http.get("/api/v1/leads/" + leadId, key())
                .expect(200).json().at("/lastAction/status").asText()) ? true : null);
        browser.waitFor("the draft redrawn as sent", () -> card("Outgoing email: Next steps")
                .findElements(org.openqa.selenium.By.cssSelector("button[data-action]")).isEmpty() ? true : null);
        within(card("Outgoing SMS: Reminder: tax returns"), "button[data-action=cancel]").click();
        browser.waitFor("the follow-up cancelled", () -> http.get("/api/v1/leads/" + leadId, key()).json()
                .get("nextFollowUp").isNull() ? true : null);
        for (var log : http.get("/api/v1/leads/" + leadId + "/action-logs", key()).json().get("actionLogs")) {
            if (log.get("id").asText().equals(followUp)) {
                assertEquals("CANCELLED", log.get("status").asText());
            }
        }
        assertEquals(0L, browser.js("return document.querySelectorAll('main img').length"));
        assertNoAlert();

        // The list's last-action column shows the sent draft.
        openSignedIn("/app/");
        browser.find("#lead-search").sendKeys("Timeline");
        browser.waitFor("sent draft as last action", () -> browser.findAll("#leads-body tr[data-lead-id]").size() == 1
                && browser.find("#leads-body tr[data-lead-id] .last-action").getText()
                .contains("Outgoing email: Next steps"));
    }

    @Test
    @Order(6)
    void screenshotsAtDesktopAndPhoneWidth() throws Exception {
        Path desktop = SCREENSHOTS.resolve("lead-desktop.png");
        Path phone = SCREENSHOTS.resolve("lead-phone.png");
        Files.deleteIfExists(desktop);
        Files.deleteIfExists(phone);

        browser.viewport(1280, 900, false);
        openSignedIn("/app/leads/" + johnId);
        card("Intro call – SBA loan interest");
        assertEquals(0L, overflow(), "nothing wider than the desktop screen");
        browser.screenshot(desktop);

        browser.viewport(390, 844, true);
        openSignedIn("/app/leads/" + johnId);
        WebElement card = card("Intro call – SBA loan interest");
        assertEquals(0L, overflow(), "nothing wider than the phone screen: no sideways scrolling");
        assertTrue(within(card, ".read-more").isDisplayed(), "clipped on the phone too");
        assertTrue(within(card, ".tl-details").isDisplayed());
        browser.screenshot(phone);

        assertTrue(Files.size(desktop) > 10_000 && Files.size(phone) > 10_000);

        // The list too, for the record: the phone gets cards instead of a table.
        openSignedIn("/app/");
        browser.waitFor("last actions", () -> !browser.find("#leads-body").getText().contains("…"));
        assertEquals(0L, overflow());
        assertEquals("none", browser.find(".leads-table thead").getCssValue("display"));
        browser.screenshot(SCREENSHOTS.resolve("leads-phone.png"));
        browser.viewport(1280, 900, false);
        openSignedIn("/app/");
        browser.waitFor("last actions", () -> !browser.find("#leads-body").getText().contains("…"));
        browser.screenshot(SCREENSHOTS.resolve("leads-desktop.png"));
    }

    /** How many pixels the page is wider than the viewport. */
    private static long overflow() {
        return (Long) browser.js("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
    }
}
