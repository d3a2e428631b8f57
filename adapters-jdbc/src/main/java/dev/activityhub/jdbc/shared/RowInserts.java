package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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
    /** A Jdbi attribute: each statement is a round trip to a database server (see {@link #insertIf}). */
    private static final String STATEMENTS_ARE_ROUND_TRIPS = "activityhub.statementsAreRoundTrips";

    private RowInserts() {
    }

    /** Marks {@code jdbi}'s database as a server each statement goes to and back from (PostgreSQL). */
    public static void statementsAreRoundTrips(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).define(STATEMENTS_ARE_ROUND_TRIPS, Boolean.TRUE);
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
     * A row inserted only where a condition holds; true when it was inserted (or journaled). On a database
     * server ({@link #statementsAreRoundTrips}) {@code guardedSql} checks and inserts in one statement
     * ({@code INSERT … SELECT … WHERE}), a round trip less than a read and then the insert. Elsewhere
     * {@code guard} reads the condition and {@code sql} inserts (or joins the journal, whose rows reach their
     * table later): on embedded H2 a statement is a call, and the one-statement form measured no faster there
     * and, while the JIT was still at work, slower (docs/performance-history.md, eighteenth round).
     */
    public static boolean insertIf(Handle handle, DirectSql guardedSql, DirectSql sql, Map<String, Object> row,
                                   BooleanSupplier guard) {
        WriteJournalEntry entry = entryOf(handle);
        if (entry == null && Boolean.TRUE.equals(
                handle.getConfig(SqlStatements.class).getAttribute(STATEMENTS_ARE_ROUND_TRIPS))) {
            return guardedSql.update(handle, row) > 0;
        }
        if (!guard.getAsBoolean()) {
            return false;
        }
        insert(handle, sql, row);
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
