package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a message said and where it went, validated: channel and direction required, body required,
 * subject, from and to optional. Every failure is reported together.
 *
 * @param from the sender as written, e.g. {@code "Mark Ding <markdingkl@gmail.com>"}, or null
 * @param to   the recipients as written (empty when not given)
 */
public record MessageContent(MessageChannel channel, MessageDirection direction, String subject, String body,
                             String from, List<String> to) {
    public static final int MAX_BODY = 200_000;
    public static final int MAX_SUBJECT = 1_000;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_RECIPIENTS = 50;

    public MessageContent {
        to = to == null ? List.of() : List.copyOf(to);
    }

    /** Validates raw input; {@code to} may be null. */
    public static MessageContent of(String channel, String direction, String subject, String body, String from,
                                    List<String> to) {
        return validated(channel, direction, subject, body, from, to, true);
    }

    /**
     * An e-mail received through the intake: the body may be empty (a mail that only carries
     * attachments is still a message); it is kept as "" then.
     */
    public static MessageContent inboundEmail(String subject, String body, String from, List<String> to) {
        return validated(MessageChannel.EMAIL.name(), MessageDirection.INBOUND.name(), subject,
                body == null ? "" : body, from, to, false);
    }

    private static MessageContent validated(String channel, String direction, String subject, String body,
                                            String from, List<String> to, boolean bodyRequired) {
        List<FieldError> errors = new ArrayList<>();
        MessageChannel parsedChannel = collect(errors, () -> MessageChannel.parse("channel", channel));
        MessageDirection parsedDirection = collect(errors, () -> MessageDirection.parse("direction", direction));
        String cleanSubject = collect(errors, () -> Text.optional("subject", subject, MAX_SUBJECT));
        // The body is kept as sent (HTML and trailing newlines included), only required to say something.
        if (bodyRequired && (body == null || body.isBlank())) {
            errors.add(FieldError.of("body", Rule.REQUIRED, body));
        } else if (body.length() > MAX_BODY) {
            errors.add(FieldError.of("body", Rule.TOO_LONG, MAX_BODY, null));
        }
        String cleanFrom = collect(errors, () -> Text.optional("from", from, MAX_ADDRESS));
        List<String> recipients = new ArrayList<>();
        if (to != null) {
            if (to.size() > MAX_RECIPIENTS) {
                errors.add(FieldError.of("to", Rule.TOO_MANY, MAX_RECIPIENTS, to.size()));
            }
            for (int i = 0; i < to.size() && i < MAX_RECIPIENTS; i++) {
                int index = i;
                String address = collect(errors, () -> Text.required("to." + index, to.get(index), MAX_ADDRESS));
                if (address != null) {
                    recipients.add(address);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MessageContent(parsedChannel, parsedDirection, cleanSubject, body, cleanFrom, recipients);
    }

    /**
     * The timeline's one-line summary, e.g. "Incoming email: docs" (seed 002) or "Outgoing SMS: Hi John…".
     */
    public String summary() {
        String verb = direction == MessageDirection.INBOUND ? "Incoming " : "Outgoing ";
        String medium = channel == MessageChannel.EMAIL ? "email" : "SMS";
        String about = channel == MessageChannel.EMAIL ? subject : preview(body == null ? "" : body);
        return verb + medium + (about == null || about.isEmpty() ? "" : ": " + about);
    }

    private static String preview(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 79) + "…";
    }

    private static <T> T collect(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
