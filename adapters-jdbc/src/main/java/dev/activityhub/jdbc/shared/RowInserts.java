package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * How an adapter inserts a new row that a journaled transaction ({@link JdbiTransactions#appendOnly})
 * may defer: inside one, the row joins the transaction's journal entry and reaches the table when
 * the journal applies it; anywhere else it is inserted at once. The parameters are named as in
 * {@code sql} and bound from their values alike both ways: at once by {@link DirectSql}, from a journal by
 * Jdbi (see {@link WriteJournalEntry} for the types a journal carries, which are those DirectSql binds).
 */
public final class RowInserts {
    private RowInserts() {
    }

    public static void insert(Handle handle, DirectSql sql, Map<String, Object> row) {
        WriteJournalEntry entry = entryOf(handle);
        if (entry != null) {
            entry.insert(sql.namedSql(), row);
        } else {
            sql.update(handle, row);
        }
    }

    /**
     * A row inserted only where a condition holds: at once by {@code guardedSql}, one statement that inserts
     * the row only if its condition holds ({@code INSERT … SELECT … WHERE}); inside a journaled transaction,
     * where the row reaches the table later, {@code guard} (the same condition, read now) decides and
     * {@code sql} joins the journal. True when the row was inserted (or journaled).
     */
    public static boolean insertIf(Handle handle, DirectSql guardedSql, DirectSql sql, Map<String, Object> row,
                                   BooleanSupplier guard) {
        WriteJournalEntry entry = entryOf(handle);
        if (entry == null) {
            return guardedSql.update(handle, row) > 0;
        }
        if (!guard.getAsBoolean()) {
            return false;
        }
        entry.insert(sql.namedSql(), row);
        return true;
    }

    /** Runs {@code action} once this handle's transaction committed, or, when journaled, once it is applied. */
    public static void afterCommit(Handle handle, Runnable action) {
        WriteJournalEntry entry = entryOf(handle);
        if (entry != null) {
            entry.afterApply(action);
        } else {
            handle.afterCommit(action);
        }
    }

    private static WriteJournalEntry entryOf(Handle handle) {
        return (WriteJournalEntry) handle.getConfig(SqlStatements.class).getAttribute(WriteJournal.ENTRY_ATTRIBUTE);
    }
}
