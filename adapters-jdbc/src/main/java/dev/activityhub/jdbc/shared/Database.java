package dev.activityhub.jdbc.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A pooled, migrated database and the Jdbi in front of it. Close it to release the pool. */
public final class Database implements AutoCloseable {
    /** Open Databases per embedded H2 database (its URL up to the settings), in this process. */
    private static final ConcurrentHashMap<String, AtomicInteger> OPEN_EMBEDDED = new ConcurrentHashMap<>();
    private final HikariDataSource dataSource;
    /** This database's key in {@link #OPEN_EMBEDDED}; null unless an embedded H2 (a sole writer). */
    private final String embeddedName;
    /** Jdbi and what hangs on it, made on first use: see {@link #connect}. */
    private volatile JdbiParts jdbiParts;
    private final Object jdbiLock = new Object();
    private final DatabaseSettings settings;
    private final GroupCommit groupCommit;
    /** Only the group commit's leader uses it, one flush at a time; outside the pool so it never queues. */
    private Connection flushConnection;
    private boolean closed;

    private Database(HikariDataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.groupCommit = settings.needsGroupCommit() ? new GroupCommit(this::writeStore) : GroupCommit.NONE;
        String url = settings.jdbcUrl();
        this.embeddedName = settings.soleWriter() ? url.substring(0, url.indexOf(';') < 0 ? url.length() : url.indexOf(';'))
                : null;
        if (embeddedName != null) {
            OPEN_EMBEDDED.computeIfAbsent(embeddedName, name -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * True while another Database of this process has the same embedded H2 database open (tests run two
     * servers on one in-memory database as two instances): then this one is not its only writer after all.
     */
    public boolean sharedInThisProcess() {
        AtomicInteger open = embeddedName == null ? null : OPEN_EMBEDDED.get(embeddedName);
        return open != null && open.get() > 1;
    }

    /**
     * @param planRefresh on H2 only: PostgreSQL plans each execution with current statistics
     */
    private record JdbiParts(Jdbi jdbi, StoreChanges changes, H2PlanRefresh planRefresh, WriteJournal journal) {
    }

    private JdbiParts jdbiParts() {
        JdbiParts parts = jdbiParts;
        if (parts == null) {
            synchronized (jdbiLock) {
                parts = jdbiParts;
                if (parts == null) {
                    parts = newJdbi(dataSource, settings, this::writeStore);
                    jdbiParts = parts;
                }
            }
        }
        return parts;
    }

    private static JdbiParts newJdbi(DataSource dataSource, DatabaseSettings settings, WriteJournal.Checkpoint checkpoint) {
        Jdbi jdbi = Jdbi.create(dataSource); // the fluent API only: no SQL-object plugin to load at start-up
        StoreChanges changes = StoreChanges.install(jdbi, settings.soleWriter());
        H2PlanRefresh planRefresh = settings.vendor() == DatabaseSettings.Vendor.H2 ? new H2PlanRefresh(jdbi) : null;
        if (settings.vendor() == DatabaseSettings.Vendor.POSTGRESQL) {
            RowInserts.statementsAreRoundTrips(jdbi);
        }
        // Jdbi binds a null UUID as a varchar null, which PostgreSQL refuses for a uuid column; as SQL
        // type OTHER it infers the column's type. Non-null UUIDs bind as they always did.
        jdbi.registerArgument(new AbstractArgumentFactory<UUID>(Types.OTHER) {
            @Override
            protected Argument build(UUID value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setObject(position, value);
            }
        });
        // Every H2 file database has its journal read at start-up (an earlier run may have journaled);
        // appends go through it only when the settings say so.
        WriteJournal journal = settings.needsGroupCommit()
                ? settings.h2FileBase().map(base -> WriteJournal.beside(base, jdbi, checkpoint)).orElse(null)
                : null;
        return new JdbiParts(jdbi, changes, planRefresh, journal);
    }

    /** Opens the pool and brings the schema up to date (see {@link #migrate()}). */
    public static Database open(DatabaseSettings settings) {
        Database database = connect(settings);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The pool without touching the database yet (the pool connects on first use), so start-up can wire
     * everything while {@link #migrate()} runs on another thread. Jdbi is made on the first call of
     * {@link #jdbi()} (setting it up is a tenth of the main thread's start-up), so the migration, which needs
     * only the pool, can start before it.
     */
    public static Database connect(DatabaseSettings settings) {
        // The database holds webhook secrets: its directory is the service user's alone (700, tightened if
        // an older version left it open) before H2 creates anything in it; see restrictDatabaseFiles().
        settings.h2FileBase().ifPresent(base -> OwnerOnlyFiles.directory(base.toAbsolutePath().getParent()));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(settings.jdbcUrl());
        dataSource.setUsername(settings.user());
        dataSource.setPassword(settings.password());
        dataSource.setMaximumPoolSize(settings.maxPoolSize());
        dataSource.setPoolName("activityhub");
        return new Database(dataSource, settings);
    }

    /**
     * The migration makes the file (a copy of the schema image, or H2 on its first connection) with the
     * umask's mode (often 644); it is made 600 right after, as is any file an older version left readable. The
     * directory is already 700, so nobody else could open the file meanwhile. (H2 does not accept an empty file
     * made for it, so it cannot be created owner-only up front.)
     */
    private void restrictDatabaseFiles() {
        settings.h2FileBase().ifPresent(base -> OwnerOnlyFiles.filesIn(base.toAbsolutePath().getParent()));
    }

    /** Where {@link #migrate()} found the schema, or what made it. */
    public enum SchemaSource {
        /** Flyway's history matched every script: nothing to do, Flyway not even loaded. */
        CURRENT,
        /** A new H2 database made from the build's schema image ({@link SchemaImage}). */
        IMAGE,
        /** Flyway migrated (or validated) it. */
        FLYWAY
    }

    /** The migration locations for a vendor: the shared scripts, then the vendor's own. */
    static List<String> locations(DatabaseSettings.Vendor vendor) {
        return List.of("db/migration", "db/vendor/" + vendor.folder());
    }

    /** Brings the schema up to date: from the schema image when the database is new, else with Flyway. */
    public SchemaSource migrate() {
        WriteJournal journal = jdbiParts().journal();
        if (journal != null) {
            journal.recover(); // before any migration: the journal's SQL is that of the version that wrote it
        }
        List<String> locations = locations(settings.vendor());
        SchemaSource source = schemaFromImageOrHistory(locations);
        if (source == SchemaSource.FLYWAY) {
            runFlyway(locations);
        }
        restrictDatabaseFiles();
        if (journal != null && settings.writeJournal()) {
            journal.start();
        }
        H2PlanRefresh planRefresh = jdbiParts().planRefresh();
        if (planRefresh != null) {
            planRefresh.start();
        }
        return source;
    }

    /**
     * A new embedded H2 database is made from the image; anything else is usually current on a restart, and
     * then Flyway, which would validate and find nothing to do, is not even loaded (SchemaHistory says when).
     */
    private SchemaSource schemaFromImageOrHistory(List<String> locations) {
        ClassLoader loader = Database.class.getClassLoader();
        Optional<List<SchemaHistory.Script>> scripts = SchemaHistory.scripts(loader, locations);
        if (scripts.isEmpty()) {
            return SchemaSource.FLYWAY;
        }
        boolean inMemory = settings.jdbcUrl().startsWith("jdbc:h2:mem:");
        boolean image = settings.vendor() == DatabaseSettings.Vendor.H2 && (inMemory
                ? SchemaImage.fill(dataSource, scripts.get(), loader)
                : settings.h2FileBase().map(base -> SchemaImage.createFile(base, scripts.get(), loader))
                        .orElse(false));
        // A new in-memory database has no history unless the image made it.
        boolean current = (image || !inMemory) && SchemaHistory.isCurrent(dataSource, scripts.get());
        if (!current) {
            return SchemaSource.FLYWAY;
        }
        return image ? SchemaSource.IMAGE : SchemaSource.CURRENT;
    }

    void runFlyway(List<String> locations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.stream().map(location -> "classpath:" + location).toArray(String[]::new))
                .failOnMissingLocations(false)
                // Our migrations are all SQL: skipping the scan for Java migrations halves start-up in the fat jar.
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true)
                // A fresh in-memory database has no history to validate against; a persistent one does.
                .validateOnMigrate(!settings.jdbcUrl().startsWith("jdbc:h2:mem:"))
                .load()
                .migrate();
    }

    /**
     * Writes H2's store: everything committed so far reaches the file (CHECKPOINT commits the
     * MVStore, which appends the changed pages; the OS keeps them across a crash of this process).
     */
    private synchronized void writeStore() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        if (flushConnection == null || flushConnection.isClosed()) {
            flushConnection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        }
        try (Statement statement = flushConnection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** What a committed transaction waits on before it is acknowledged (nothing, unless H2 on a file). */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    /** Where append-only transactions go: on an H2 file database with the write journal on; empty elsewhere. */
    public Optional<WriteJournal> journal() {
        return settings.writeJournal() ? Optional.ofNullable(jdbiParts().journal()) : Optional.empty();
    }

    /**
     * The count of changes for caches of what was read (see {@link StoreChanges#version()}), read once
     * everything acknowledged is in the tables, so a cache never serves a copy from before one.
     */
    public OptionalLong changesVersion() {
        journal().ifPresent(WriteJournal::awaitAcknowledged);
        return jdbiParts().changes().version();
    }

    /** The changes made through {@link #jdbi()}, for caches of what was read from it. */
    public StoreChanges changes() {
        return jdbiParts().changes();
    }

    public Jdbi jdbi() {
        return jdbiParts().jdbi();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** True when the database answers a trivial query. */
    public boolean isUp() {
        try {
            return jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        JdbiParts parts = jdbiParts;
        if (parts != null && parts.planRefresh() != null) {
            parts.planRefresh().close();
        }
        if (parts != null && parts.journal() != null) {
            parts.journal().close(); // applies what it holds and stores it, before the pool goes
        }
        synchronized (this) { // waits for a flush in flight: its callers get their answer first
            if (!closed && embeddedName != null) {
                OPEN_EMBEDDED.computeIfPresent(embeddedName, (name, open) -> open.decrementAndGet() == 0 ? null : open);
            }
            closed = true;
            if (flushConnection != null) {
                try {
                    flushConnection.close();
                } catch (SQLException e) {
                    // closing anyway: the pool's close below ends the database
                }
                flushConnection = null;
            }
        }
        dataSource.close();
    }
}
