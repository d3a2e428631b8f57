package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps rows to a row record through its canonical constructor, matching columns to components by
 * name ({@code created_at} → {@code createdAt}). What Jdbi's {@code ConstructorMapper} works out again
 * for every result set (column matching, the parameters' annotations: a third of a write's CPU in the
 * profile) is worked out once per record and column list here and then reused.
 */
public final class RecordRows<R extends Record> implements RowMapperFactory {
    private final Class<R> type;
    private final MethodHandles.Lookup lookup;
    private final RecordComponent[] components;
    /**
     * The canonical constructor taking its arguments as one {@code Object[]}; made on first use, since
     * spinning method handles for every row record at start-up costs a few hundred milliseconds.
     */
    private volatile MethodHandle constructor;
    /** Per column list of a result set (labels joined), the columns and column mappers to use. */
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    private RecordRows(Class<R> type, MethodHandles.Lookup lookup) {
        this.type = type;
        this.lookup = lookup;
        this.components = type.getRecordComponents();
    }

    private MethodHandle constructor() {
        MethodHandle handle = constructor;
        if (handle == null) {
            Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                handle = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                        .asSpreader(Object[].class, parameterTypes.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalArgumentException("cannot use the canonical constructor of " + type, e);
            }
            constructor = handle;
        }
        return handle;
    }

    /**
     * A mapper factory for {@code type}; {@code lookup} is the caller's ({@code MethodHandles.lookup()}),
     * so private row records stay private.
     */
    public static <R extends Record> RowMapperFactory of(Class<R> type, MethodHandles.Lookup lookup) {
        return new RecordRows<>(type, lookup);
    }

    @Override
    public Optional<RowMapper<?>> build(Type requested, ConfigRegistry config) {
        return requested == type ? Optional.of(new Mapper()) : Optional.empty();
    }

    private record Plan(int[] columns, ColumnMapper<?>[] mappers) {
    }

    private final class Mapper implements RowMapper<R> {
        @Override
        public R map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<R> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder key = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                key.append(meta.getColumnLabel(i)).append(',');
            }
            Plan plan = plans.get(key.toString());
            if (plan == null) {
                plan = plans.computeIfAbsent(key.toString(), k -> plan(meta, ctx));
            }
            Plan chosen = plan;
            return (row, context) -> construct(row, context, chosen);
        }

        private Plan plan(ResultSetMetaData meta, StatementContext ctx) {
            try {
                int[] columns = new int[components.length];
                ColumnMapper<?>[] mappers = new ColumnMapper<?>[components.length];
                for (int c = 0; c < components.length; c++) {
                    columns[c] = column(meta, components[c].getName());
                    Type componentType = components[c].getGenericType();
                    mappers[c] = ctx.findColumnMapperFor(componentType).orElseThrow(() ->
                            new IllegalStateException("no column mapper for " + componentType + " in " + type));
                }
                return new Plan(columns, mappers);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private int column(ResultSetMetaData meta, String component) throws SQLException {
            String wanted = component.toLowerCase(Locale.ROOT);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnLabel(i).replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return i;
                }
            }
            throw new IllegalStateException("no column for " + type.getSimpleName() + "." + component);
        }

        private R construct(ResultSet rs, StatementContext ctx, Plan plan) throws SQLException {
            Object[] args = new Object[plan.columns.length];
            for (int c = 0; c < args.length; c++) {
                args[c] = plan.mappers[c].map(rs, plan.columns[c], ctx);
            }
            try {
                return type.cast((Object) constructor().invokeExact(args));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
            }
        }
    }
}
