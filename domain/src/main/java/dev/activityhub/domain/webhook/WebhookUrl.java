package dev.activityhub.domain.webhook;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** An absolute http(s) URL a subscriber receives events at. Whether its host is safe is checked elsewhere. */
public record WebhookUrl(String value) {
    public static final int MAX_LENGTH = 2048;

    public WebhookUrl {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookUrl parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of(field, Rule.REQUIRED, null, raw);
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw ValidationException.of(field, Rule.TOO_LONG, MAX_LENGTH, null);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ValidationException.of(field, Rule.NOT_A_URL, null, text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ValidationException.of(field, Rule.NOT_HTTP, null, text);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ValidationException.of(field, Rule.NO_HOST, null, text);
        }
        if (uri.getRawUserInfo() != null) {
            throw ValidationException.of(field, Rule.HAS_CREDENTIALS, null, null);
        }
        return new WebhookUrl(text);
    }

    public URI uri() {
        return URI.create(value);
    }

    /** The host as DNS or an address literal, lower-case, without IPv6 brackets. */
    public String host() {
        String host = uri().getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return value;
    }
}
