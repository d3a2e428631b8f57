package dev.activityhub.jdbc.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one journaled transaction writes: new rows, each an INSERT statement and its named parameters,
 * in one workspace. The SQL travels with the rows, so a journal written by one version is applied as
 * that version meant it even when the next version starts (the journal is applied before migrating).
 * Parameter values are of the few types the insert adapters bind: null, String, UUID, Instant,
 * Long, Integer, Boolean.
 */
final class WriteJournalEntry {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte UUID_VALUE = 2;
    private static final byte INSTANT = 3;
    private static final byte LONG = 4;
    private static final byte INTEGER = 5;
    private static final byte BOOLEAN = 6;
    private static final byte FORMAT = 1;

    /** One INSERT and its named parameters, in binding order. */
    record Row(String sql, Map<String, Object> parameters) {
    }

    private final UUID workspaceId;
    private final List<Row> rows;
    /** Run once the rows are in the database; in this process only, never journaled. */
    private final List<Runnable> afterApply = new ArrayList<>();
    private long lsn;

    WriteJournalEntry(UUID workspaceId) {
        this(workspaceId, new ArrayList<>(), 0);
    }

    private WriteJournalEntry(UUID workspaceId, List<Row> rows, long lsn) {
        this.workspaceId = workspaceId;
        this.rows = rows;
        this.lsn = lsn;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    List<Row> rows() {
        return rows;
    }

    long lsn() {
        return lsn;
    }

    void insert(String sql, Map<String, Object> parameters) {
        for (Object value : parameters.values()) {
            tagOf(value); // refuse a type the journal cannot carry while the caller can still be told
        }
        rows.add(new Row(sql, new LinkedHashMap<>(parameters)));
    }

    void afterApply(Runnable action) {
        if (!afterApply.contains(action)) {
            afterApply.add(action);
        }
    }

    List<Runnable> afterApplyActions() {
        return afterApply;
    }

    /**
     * The journal record: this entry's position (see {@link #number}), then its workspace and rows. Callers
     * encode in parallel; the position is written into the first eight bytes once numbering, which is
     * serial, gives it.
     */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 512 * rows.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(lsn);
            out.writeByte(FORMAT);
            writeUuid(out, workspaceId);
            out.writeInt(rows.size());
            for (Row row : rows) {
                writeString(out, row.sql());
                out.writeInt(row.parameters().size());
                for (var parameter : row.parameters().entrySet()) {
                    writeString(out, parameter.getKey());
                    writeValue(out, parameter.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** Gives this entry its position, in itself and in {@code record}, its encoding. */
    void number(long lsn, byte[] record) {
        this.lsn = lsn;
        java.nio.ByteBuffer.wrap(record).putLong(0, lsn);
    }

    static WriteJournalEntry decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            long lsn = in.readLong();
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("unknown journal record format " + format);
            }
            UUID workspaceId = readUuid(in);
            int rowCount = in.readInt();
            List<Row> rows = new ArrayList<>(rowCount);
            for (int r = 0; r < rowCount; r++) {
                String sql = readString(in);
                int parameterCount = in.readInt();
                Map<String, Object> parameters = new LinkedHashMap<>();
                for (int p = 0; p < parameterCount; p++) {
                    parameters.put(readString(in), readValue(in));
                }
                rows.add(new Row(sql, parameters));
            }
            return new WriteJournalEntry(workspaceId, rows, lsn);
        } catch (IOException e) {
            throw new UncheckedIOException("a journal record that passed its checksum could not be read", e);
        }
    }

    private static byte tagOf(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof UUID) {
            return UUID_VALUE;
        } else if (value instanceof Instant) {
            return INSTANT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Integer) {
            return INTEGER;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        }
        throw new IllegalArgumentException("the journal cannot carry a " + value.getClass().getName());
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        byte tag = tagOf(value);
        out.writeByte(tag);
        switch (tag) {
            case STRING -> writeString(out, (String) value);
            case UUID_VALUE -> writeUuid(out, (UUID) value);
            case INSTANT -> {
                out.writeLong(((Instant) value).getEpochSecond());
                out.writeInt(((Instant) value).getNano());
            }
            case LONG -> out.writeLong((Long) value);
            case INTEGER -> out.writeInt((Integer) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            default -> {
            }
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case UUID_VALUE -> readUuid(in);
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case LONG -> in.readLong();
            case INTEGER -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    /** UTF-8 with an int length: writeUTF stops at 64 KB, and a description may be longer. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeUuid(DataOutputStream out, UUID value) throws IOException {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
