package dev.activityhub.http.harness;

import java.util.regex.Pattern;

/** A path, exactly, or with {@code *} standing for any run of characters ({@code /api/v1/leads/*}). */
final class PathPattern {
    private final Pattern pattern;
    private final String text;

    private PathPattern(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    static PathPattern of(String text) {
        return new PathPattern(text);
    }

    boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
