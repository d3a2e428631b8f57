package dev.activityhub.jdbc.shared;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives. H2 runs in PostgreSQL mode so one set of migrations and queries serves
 * both; vendor-specific migrations go in {@code db/vendor/<vendor>}.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Vendor vendor, int maxPoolSize) {

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

    /** Same SQL dialect and NULL ordering as PostgreSQL; identifiers lower-cased like PostgreSQL's. */
    private static final String H2_COMPAT = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(vendor, "vendor");
    }

    /**
     * An H2 file database in {@code dataDir}. WRITE_DELAY=0 makes every commit reach the file
     * before the commit returns, so an acknowledged write survives {@code kill -9} (H2's default
     * 500 ms delay loses the last commits).
     */
    public static DatabaseSettings h2File(Path dataDir) {
        String path = dataDir.toAbsolutePath().resolve("activityhub").toString();
        return new DatabaseSettings("jdbc:h2:file:" + path + H2_COMPAT + ";WRITE_DELAY=0", "sa", "", Vendor.H2, 10);
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
