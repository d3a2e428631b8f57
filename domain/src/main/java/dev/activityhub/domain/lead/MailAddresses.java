package dev.activityhub.domain.lead;

import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;

/** Reads e-mail header addresses as mail services write them: {@code "Name <address>"} or a bare address. */
public final class MailAddresses {
    private MailAddresses() {
    }

    /** The address of one header value, lower-cased like leads' e-mails ({@link User#normalizeEmail}). */
    public static String address(String field, String value) {
        String raw = Text.trimToNull(value);
        if (raw == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, value);
        }
        int open = raw.lastIndexOf('<');
        int close = raw.lastIndexOf('>');
        String address = open >= 0 && close > open ? raw.substring(open + 1, close) : raw;
        return User.normalizeEmail(field, address.strip());
    }

    /**
     * A header holding several addresses, split at commas outside quotes and angle brackets:
     * {@code "Doe, John" <j@x.io>, b@y.io} is two entries, each kept as written.
     */
    public static List<String> split(String header) {
        List<String> parts = new ArrayList<>();
        if (header == null) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean bracketed = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                bracketed = true;
            } else if (!quoted && c == '>') {
                bracketed = false;
            } else if (c == ',' && !quoted && !bracketed) {
                addPart(parts, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        addPart(parts, current);
        return parts;
    }

    private static void addPart(List<String> parts, StringBuilder part) {
        String value = part.toString().strip();
        if (!value.isEmpty()) {
            parts.add(value);
        }
    }
}
