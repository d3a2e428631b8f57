package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

import java.util.Map;

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
