package dev.activityhub.jdbc.shared;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives. H2 runs in PostgreSQL mode so one set of migrations and queries serves
 * both; vendor-specific migrations go in {@code db/vendor/<vendor>}.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Vendor vendor, int maxPoolSize,
                               boolean writeJournal) {

    /** Without the write journal (see {@link #withWriteJournal}). */
    public DatabaseSettings(String jdbcUrl, String user, String password, Vendor vendor, int maxPoolSize) {
        this(jdbcUrl, user, password, vendor, maxPoolSize, false);
    }

    /**
     * On an H2 file database, whether appends ({@code TransactionPort.appendOnly}) go through the
     * {@link WriteJournal}; anywhere else it changes nothing. Off by default: see docs/performance-history.md,
     * "Sixth round", for what it gains and what it costs so far.
     */
    public DatabaseSettings withWriteJournal(boolean on) {
        return new DatabaseSettings(jdbcUrl, user, password, vendor, maxPoolSize, on);
    }

    public enum Vendor {
        H2("h2"), POSTGRESQL("postgresql");

        private final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    /**
     * Same SQL dialect and NULL ordering as PostgreSQL; identifiers lower-cased like PostgreSQL's.
     * QUERY_CACHE_SIZE=64: every hot statement stays parsed and planned in each pooled session (H2's
     * default of 8 is fewer than one request's statements); {@link H2PlanRefresh} drops the plans
     * whenever a table has doubled or halved, so none outlives the table size it was made for.
     */
    private static final String H2_COMPAT = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";QUERY_CACHE_SIZE=64";
    /** How the file is written: see {@link #h2File}. */
    private static final String H2_FILE_STORE = ";RETENTION_TIME=0;COMPRESS=TRUE";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(vendor, "vendor");
    }

    /**
     * An H2 file database in {@code dataDir}. Commits stay in memory until H2 writes its store (its
     * background writer, or our group commit, see {@link GroupCommit}): {@link Database} writes it
     * before a transaction is acknowledged, once for all transactions committed meanwhile. The
     * write delay keeps H2's background writer — and with it the compaction that keeps the file
     * proportional to the data — running; with WRITE_DELAY=0 every commit appends a chunk of its own
     * and nothing compacts.
     *
     * <p>The store is append-only: each write of it adds a chunk with every page changed since the
     * last, and sustained writes over many leads turn out about 50 MB/s of chunks that are dead soon
     * after. RETENTION_TIME=0 lets that space be reused as soon as no stored version needs it (H2 keeps
     * dead chunks 45 s by default as a hedge against disks that reorder writes on power loss; a crash
     * of this process is covered either way, the last complete chunk wins). COMPRESS=TRUE makes each
     * chunk several times smaller. Together they keep the file within about 2× the data
     * (docs/performance.md).
     */
    public static DatabaseSettings h2File(Path dataDir) {
        String path = dataDir.toAbsolutePath().resolve("activityhub").toString();
        return new DatabaseSettings("jdbc:h2:file:" + path + H2_COMPAT + H2_FILE_STORE, "sa", "", Vendor.H2, 10);
    }

    /** The H2 file database's base path ({@code <dataDir>/activityhub}), if this is one. */
    public java.util.Optional<Path> h2FileBase() {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:file:".length());
        int options = rest.indexOf(';');
        return java.util.Optional.of(Path.of(options < 0 ? rest : rest.substring(0, options)));
    }

    /** True for a database whose commits must be written to its file before they are acknowledged. */
    public boolean needsGroupCommit() {
        return jdbcUrl.startsWith("jdbc:h2:file:");
    }

    /**
     * True when only this process can write to the database: an embedded H2 database, on a file (which
     * H2 locks to one process) or in memory, not shared through H2's server modes. PostgreSQL is shared
     * by design (several instances on one database).
     */
    public boolean soleWriter() {
        String url = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        return (url.startsWith("JDBC:H2:FILE:") || url.startsWith("JDBC:H2:MEM:")) && !url.contains("AUTO_SERVER=TRUE");
    }

    /** A private in-memory H2 database that lives until the pool closes. */
    public static DatabaseSettings h2InMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + H2_COMPAT + ";DB_CLOSE_DELAY=-1", "sa", "", Vendor.H2, 10);
    }

    public static DatabaseSettings postgres(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(jdbcUrl, user, password, Vendor.POSTGRESQL, 10);
    }

    public static Vendor vendorOf(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? Vendor.H2 : Vendor.POSTGRESQL;
    }
}
