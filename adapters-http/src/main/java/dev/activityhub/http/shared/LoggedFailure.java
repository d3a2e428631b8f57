package dev.activityhub.http.shared;

import java.sql.SQLException;

/**
 * A failure as it may be logged: every exception of the chain keeps its class and stack frames, but
 * the data layer's messages (JDBC drivers, Jdbi) are withheld, since they quote bound values and whole
 * rows ("Failing row contains (…)", "arguments:{…}"). SQL states stay: they say what went wrong.
 */
public final class LoggedFailure extends RuntimeException {
    private final String description;

    private LoggedFailure(Throwable original, LoggedFailure cause) {
        super(null, cause, false, true);
        this.description = describe(original);
        setStackTrace(original.getStackTrace());
    }

    /** The redacted stand-in for {@code failure} (and its causes), for a logger's throwable argument. */
    public static LoggedFailure of(Throwable failure) {
        return redact(failure, 0);
    }

    private static LoggedFailure redact(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        LoggedFailure redactedCause = cause == null || cause == failure || depth > 20 ? null : redact(cause, depth + 1);
        return new LoggedFailure(failure, redactedCause);
    }

    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getName());
        if (t instanceof SQLException sql) {
            text.append(" [SQLState ").append(sql.getSQLState()).append(", error code ").append(sql.getErrorCode())
                    .append(']');
        }
        if (fromDataLayer(t)) {
            text.append(" (message withheld: it may quote stored values)");
        } else if (t.getMessage() != null) {
            text.append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** A JDBC or Jdbi exception, or one that wraps one (wrappers copy their cause's message). */
    private static boolean fromDataLayer(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (c instanceof SQLException || name.startsWith("org.jdbi.") || name.startsWith("org.h2.")
                    || name.startsWith("org.postgresql.")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getMessage() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
