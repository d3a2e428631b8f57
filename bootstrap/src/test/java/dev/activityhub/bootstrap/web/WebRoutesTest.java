package dev.activityhub.bootstrap.web;

import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.HttpJson.Response;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's files as served from the jar: types, caching, security headers, and nothing else. */
@ExtendWith(TestServerExtension.class)
class WebRoutesTest {
    private static TestServer server;
    private static HttpJson http;

    @Test
    void everyPageIsTheSameShellWithAStrictContentSecurityPolicy() {
        Response list = http.get("/app/").expect(200);
        Response lead = http.get("/app/leads/0190a5f4-0000-7000-8000-000000000000").expect(200);
        assertEquals(list.body(), lead.body(), "the script routes by path");
        assertTrue(list.header("Content-Type").startsWith("text/html"));
        assertTrue(list.body().contains("<main id=\"main\""));
        assertEquals("no-cache", list.header("Cache-Control"));
        String csp = list.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", list.header("X-Content-Type-Options"));
        assertEquals("DENY", list.header("X-Frame-Options"));
        assertTrue(list.header("Set-Cookie") == null, "the page sets no cookie");
    }

    @Test
    void theShellUsesNoThirdPartyResource() {
        String html = http.get("/app/").expect(200).body();
        String css = http.get("/app/assets/app.css").expect(200).body();
        for (String text : new String[] {html, css}) {
            // A link, script, stylesheet, font or image from anywhere else (an SVG xmlns is only a name).
            assertFalse(java.util.regex.Pattern.compile("(src|href)=[\"']?(https?:)?//|url\\([\"']?(https?:)?//|@import")
                    .matcher(text).find(), "offline: everything comes from this server");
        }
    }

    @Test
    void assetsHaveTheirTypesAndRevalidateByEtag() {
        Response js = http.get("/app/assets/app.js").expect(200);
        assertEquals("text/javascript; charset=utf-8", js.header("Content-Type"));
        assertEquals("public, max-age=300", js.header("Cache-Control"));
        assertFalse(java.util.regex.Pattern.compile("\\.(inner|outer)HTML\\s*=|insertAdjacentHTML|document\\.write")
                .matcher(js.body()).find(), "API text is never parsed as markup");
        assertEquals("text/css; charset=utf-8", http.get("/app/assets/app.css").expect(200).header("Content-Type"));
        assertEquals("image/svg+xml", http.get("/app/assets/icon.svg").expect(200).header("Content-Type"));

        String etag = js.header("ETag");
        Response again = http.get("/app/assets/app.js", "If-None-Match", etag).expect(304);
        assertEquals("", again.body());
    }

    @Test
    void theScriptIsNativeModulesEachServedAsJavaScriptWithoutMarkupFromText() {
        String html = http.get("/app/").expect(200).body();
        assertTrue(html.contains("<script type=\"module\" src=\"/app/assets/app.js\"></script>"), html);
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find(), "no inline script");
        // Every module app.js imports, however deep, and every preload, is one of the served files.
        Deque<String> pending = new ArrayDeque<>(List.of("app.js"));
        Matcher preload = Pattern.compile("rel=\"modulepreload\" href=\"/app/assets/([\\w.-]+)\"")
                .matcher(html);
        while (preload.find()) {
            pending.add(preload.group(1));
        }
        Set<String> modules = new TreeSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!modules.add(name)) {
                continue;
            }
            Response js = http.get("/app/assets/" + name).expect(200);
            assertEquals("text/javascript; charset=utf-8", js.header("Content-Type"), name);
            assertEquals("nosniff", js.header("X-Content-Type-Options"), name);
            assertEquals("public, max-age=300", js.header("Cache-Control"), name);
            assertFalse(Pattern.compile("\\.(inner|outer)HTML\\s*=|insertAdjacentHTML|document\\.write")
                    .matcher(js.body()).find(), name + ": API text is never parsed as markup");
            Matcher imports = Pattern.compile("from '\\./([\\w.-]+\\.js)'").matcher(js.body());
            while (imports.find()) {
                pending.add(imports.group(1));
            }
        }
        assertEquals(Set.of("app.js", "api.js", "dom.js", "lead.js", "list.js", "timeline.js"), modules);
    }

    @Test
    void onlyTheListedFilesAreServed() {
        http.get("/app/assets/index.html").expect(404);
        http.get("/app/assets/..%2Fapp.js").expect(404);
        http.get("/app/assets/WebRoutes.class").expect(404);
        http.get("/app/other").expect(404);
        assertEquals(http.get("/app/").expect(200).body(), http.get("/app").expect(200).body());
    }
}
