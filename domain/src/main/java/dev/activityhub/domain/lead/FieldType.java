package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import java.util.Arrays;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kind of answer a checklist item expects. Each type validates and normalises a value sent by a
 * client; file-like types take their value from document uploads only.
 */
public enum FieldType {
    BANK_STATEMENT, FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL;

    /** Default and hard limit of free-text answers (TEXT, ADDRESS, TOOL). */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private static final Pattern EIN_FORMATTED = Pattern.compile("\\d{2}-\\d{7}");
    private static final Pattern EIN_DIGITS = Pattern.compile("\\d{9}");

    /** True for documents (BANK_STATEMENT, FILE, ID, TAX_RETURN): completed by an upload, not by a value. */
    public boolean isFileLike() {
        return this == BANK_STATEMENT || this == FILE || this == ID || this == TAX_RETURN;
    }

    public static FieldType parse(String field, String value) {
        if (value != null) {
            for (FieldType type : values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
        }
        throw new ValidationException(List.of(FieldError.listing(field, Rule.NOT_A_FIELD_TYPE,
                Arrays.stream(values()).map(FieldType::name).toList(), value)));
    }

    /**
     * The stored form of {@code raw} (already trimmed, not blank) under {@code rules}; a
     * ValidationException on {@code field} naming {@code code} when it does not fit.
     */
    String normalise(String field, String code, String raw, Map<String, Object> rules, PhoneNumbers phones) {
        switch (this) {
            case EMAIL:
                try {
                    return User.normalizeEmail(field, raw);
                } catch (ValidationException e) {
                    throw invalid(field, code, Rule.ANSWER_NOT_EMAIL, null, List.of(), raw);
                }
            case PHONE:
                try {
                    return phones.toE164(field, raw);
                } catch (ValidationException e) {
                    throw invalid(field, code, Rule.ANSWER_NOT_PHONE, null, List.of(), raw);
                }
            case DATE:
                try {
                    return LocalDate.parse(raw).toString();
                } catch (DateTimeParseException e) {
                    throw invalid(field, code, Rule.ANSWER_NOT_DATE, null, List.of(), raw);
                }
            case NUMBER:
                return number(field, code, raw, rules);
            case EIN:
                if (EIN_FORMATTED.matcher(raw).matches()) {
                    return raw;
                }
                if (EIN_DIGITS.matcher(raw).matches()) {
                    return raw.substring(0, 2) + "-" + raw.substring(2);
                }
                throw invalid(field, code, Rule.ANSWER_NOT_EIN, null, List.of(), raw);
            case SELECT:
                List<String> options = ChecklistRules.options(rules);
                if (!options.contains(raw)) {
                    throw invalid(field, code, Rule.ANSWER_NOT_OPTION, null, options, raw);
                }
                return raw;
            case TEXT:
            case ADDRESS:
            case TOOL:
                int max = ChecklistRules.maxLength(rules);
                int min = ChecklistRules.minLength(rules);
                if (raw.length() > max) {
                    throw invalid(field, code, Rule.ANSWER_TOO_LONG, max, List.of(), raw);
                }
                if (raw.length() < min) {
                    throw invalid(field, code, Rule.ANSWER_TOO_SHORT, min, List.of(), raw);
                }
                return raw;
            default:
                throw fromUpload(field, code, raw);
        }
    }

    private static String number(String field, String code, String raw, Map<String, Object> rules) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw invalid(field, code, Rule.ANSWER_NOT_NUMBER, null, List.of(), raw);
        }
        BigDecimal min = ChecklistRules.decimal(rules, "min");
        BigDecimal max = ChecklistRules.decimal(rules, "max");
        if (min != null && value.compareTo(min) < 0) {
            throw invalid(field, code, Rule.ANSWER_BELOW, null, List.of(min.toPlainString()), raw);
        }
        if (max != null && value.compareTo(max) > 0) {
            throw invalid(field, code, Rule.ANSWER_ABOVE, null, List.of(max.toPlainString()), raw);
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return plain;
    }

    /** An answer to item {@code code} that this type refuses by {@code rule}. */
    static ValidationException invalid(String field, String code, Rule rule, Number limit, List<String> allowed,
                                       String raw) {
        return new ValidationException(List.of(FieldError.answer(field, rule, code, limit, allowed,
                Text.trimToNull(raw))));
    }

    /** A value given for a file-like item of this type: its value comes from an upload. */
    ValidationException fromUpload(String field, String code, String raw) {
        return invalid(field, code, Rule.ANSWER_FROM_UPLOAD, null, List.of(name()), raw);
    }
}
