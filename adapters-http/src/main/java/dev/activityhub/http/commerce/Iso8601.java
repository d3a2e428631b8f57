package dev.activityhub.http.commerce;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 instants as the commerce docs accept them ("ISO 8601"): a bare date is the start of that
 * day in UTC; a date-time needs an offset. Dates: calendar ({@code 2030-01-16}), ordinal
 * ({@code 2030-016}) and week ({@code 2030-W03-3}), extended or basic ({@code 20300116}); times with
 * hour, minute or second precision and a decimal fraction (point or comma) on the last one, extended
 * ({@code 09:00:00.5}) or basic ({@code 090000,5}), {@code 24:00} as the end of the day; offsets
 * {@code Z}, {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}. A date-time without an offset is refused:
 * which instant it names would be a guess.
 */
final class Iso8601 {
    private static final String DATE = "(?:(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})"
            + "|(?<oy>\\d{4})-(?<od>\\d{3})"
            + "|(?<wy>\\d{4})-W(?<w>\\d{2})-(?<wd>\\d)"
            + "|(?<by>\\d{4})(?<bm>\\d{2})(?<bd>\\d{2})"
            + "|(?<boy>\\d{4})(?<bod>\\d{3})"
            + "|(?<bwy>\\d{4})W(?<bw>\\d{2})(?<bwd>\\d))";
    private static final String TIME = "T(?<h>\\d{2})(?::(?<mi>\\d{2})(?::(?<s>\\d{2}))?|(?<bmi>\\d{2})(?<bs>\\d{2})?)?"
            + "(?:[.,](?<f>\\d+))?";
    private static final String OFFSET = "(?<z>Z)|(?<sign>[+-])(?<oh>\\d{2})(?::?(?<om>\\d{2}))?";
    private static final Pattern DATE_TIME = Pattern.compile(DATE + "(?:" + TIME + "(?:" + OFFSET + "))?");

    private Iso8601() {
    }

    /** The instant, or empty when the text is not one of the forms above or names no real date and time. */
    static Optional<Instant> parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = date(m);
            if (m.group("h") == null) {
                return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(time(m, date).toInstant(offset(m)));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(Matcher m) {
        if (first(m, "y", "by") != null) {
            return LocalDate.of(number(m, "y", "by"), number(m, "m", "bm"), number(m, "d", "bd"));
        }
        if (first(m, "oy", "boy") != null) {
            int year = number(m, "oy", "boy");
            return LocalDate.ofYearDay(year, number(m, "od", "bod"));
        }
        int year = number(m, "wy", "bwy");
        int week = number(m, "w", "bw");
        int day = number(m, "wd", "bwd");
        LocalDate weekBasedYear = LocalDate.of(year, 6, 1);
        if (week < 1 || week > weekBasedYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new DateTimeException("no such week");
        }
        return weekBasedYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.of(day));
    }

    /** The local date-time; the fraction belongs to the last component given. */
    private static java.time.LocalDateTime time(Matcher m, LocalDate date) {
        int hour = Integer.parseInt(m.group("h"));
        String minuteText = first(m, "mi", "bmi");
        String secondText = first(m, "s", "bs");
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        int second = secondText == null ? 0 : Integer.parseInt(secondText);
        String fraction = m.group("f");
        long unitNanos = secondText != null ? 1_000_000_000L : minuteText != null ? 60_000_000_000L : 3_600_000_000_000L;
        long fractionNanos = fraction == null ? 0
                : new BigDecimal("0." + fraction).multiply(BigDecimal.valueOf(unitNanos)).longValue();
        if (hour == 24) { // 24:00 is the end of the day, i.e. the start of the next
            if (minute != 0 || second != 0 || fractionNanos != 0) {
                throw new DateTimeException("24 is only 24:00");
            }
            return date.plusDays(1).atStartOfDay();
        }
        LocalTime whole = LocalTime.of(hour, minute, second);
        return date.atTime(whole).plusNanos(fractionNanos);
    }

    private static ZoneOffset offset(Matcher m) {
        if (m.group("z") != null) {
            return ZoneOffset.UTC;
        }
        int hours = Integer.parseInt(m.group("oh"));
        int minutes = m.group("om") == null ? 0 : Integer.parseInt(m.group("om"));
        if (minutes > 59) {
            throw new DateTimeException("offset minutes");
        }
        int sign = m.group("sign").equals("-") ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static String first(Matcher m, String extended, String basic) {
        return m.group(extended) != null ? m.group(extended) : m.group(basic);
    }

    private static int number(Matcher m, String extended, String basic) {
        return Integer.parseInt(first(m, extended, basic));
    }
}
