package dev.activityhub.http.web;

import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lead timeline web page: one HTML shell for every page (the script routes by path) and its
 * static assets, all from the classpath. The page reads its data from the public JSON API with the
 * key the user signs in with, so these routes serve no data and need no authentication.
 */
public final class WebRoutes implements RouteGroup {
    private static final String ROOT = "web/";

    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    /**
     * Only these files are served: a fixed list, so no request path ever reaches the class loader. The
     * script is native ES modules (app.js imports the rest), which browsers run only with a JavaScript type.
     */
    private static final Map<String, String> ASSETS = Map.of(
            "app.css", "text/css; charset=utf-8",
            "app.js", JAVASCRIPT,
            "api.js", JAVASCRIPT,
            "dom.js", JAVASCRIPT,
            "list.js", JAVASCRIPT,
            "lead.js", JAVASCRIPT,
            "timeline.js", JAVASCRIPT,
            "icon.svg", "image/svg+xml");

    /**
     * Scripts, styles and API calls from this origin only; no inline code, no framing. A second
     * line of defence behind the page's rule of never turning API text into markup.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Resource index;
    private final Map<String, Resource> assets = new LinkedHashMap<>();

    public WebRoutes() {
        this.index = Resource.load("index.html", "text/html; charset=utf-8");
        ASSETS.forEach((name, type) -> assets.put(name, Resource.load(name, type)));
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.get("/app/", this::page); // Javalin ignores the trailing slash: "/app" too
        routes.get("/app/leads/{leadId}", this::page);
        routes.get("/app/assets/{name}", ctx -> {
            Resource asset = assets.get(ctx.pathParam("name"));
            if (asset == null) {
                throw new NotFoundResponse();
            }
            // Not fingerprinted: a short max-age, then a cheap revalidation by ETag.
            serve(ctx, asset, "public, max-age=300");
        });
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        serve(ctx, index, "no-cache");
    }

    private static void serve(Context ctx, Resource resource, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", resource.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(resource.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(resource.contentType()).result(resource.bytes());
    }

    private record Resource(byte[] bytes, String contentType, String etag) {
        static Resource load(String name, String contentType) {
            try (InputStream in = WebRoutes.class.getClassLoader().getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("web resource missing from the jar: " + ROOT + name);
                }
                byte[] bytes = in.readAllBytes();
                return new Resource(bytes, contentType, "\"" + sha256(bytes).substring(0, 16) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
