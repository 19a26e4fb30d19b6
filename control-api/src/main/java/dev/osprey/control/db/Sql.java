package dev.osprey.control.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thin JDBC runner shared by the repositories: positional parameters, a row mapper, and one place that turns
 * {@link SQLException} into {@link StoreException}. Transactions run on one connection through {@link #inTransaction}.
 */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TransactionBody<T> {
        T run(Sql tx) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection bound;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
        this.bound = null;
    }

    private Sql(Connection bound) {
        this.dataSource = null;
        this.bound = bound;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return run(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long queryLong(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        return run(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Runs {@code body} in one transaction, committing on success and rolling back on any failure. */
    public <T> T inTransaction(TransactionBody<T> body) {
        if (bound != null) {
            try {
                return body.run(this);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = body.run(new Sql(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private interface ConnectionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T run(ConnectionWork<T> work) {
        try {
            if (bound != null) {
                return work.apply(bound);
            }
            try (Connection c = dataSource.getConnection()) {
                return work.apply(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case String s -> ps.setString(index, s);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setInt(index, i);
            case Boolean b -> ps.setBoolean(index, b);
            default -> throw new IllegalArgumentException("unsupported SQL parameter " + value.getClass());
        }
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
