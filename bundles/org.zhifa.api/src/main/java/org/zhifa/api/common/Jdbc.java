package org.zhifa.api.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * One unit of plain-JDBC work on its own connection: a read, or a write in one transaction that commits when
 * the work returns and rolls back when it throws. A database failure becomes the caller's exception.
 *
 * @since 1.1
 */
public final class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One row of a result as a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {}

    /**
     * The rows of a query with {@code args} bound in order ({@code setObject}), each mapped by {@code row}.
     *
     * @since 1.2
     */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    /**
     * Inserts {@code rows} in one batch: {@code values} gives each row's parameters in order ({@code setObject}).
     *
     * @since 1.2
     */
    public static <T> void batch(Connection c, String sql, List<T> rows, Function<T, Object[]> values)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                Object[] v = values.apply(row);
                for (int i = 0; i < v.length; i++) {
                    ps.setObject(i + 1, v[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static <T> T read(DataSource dataSource, Work<T> work, Function<SQLException, RuntimeException> failure) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    public static <T> T write(DataSource dataSource, Work<T> work, Function<SQLException, RuntimeException> failure) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}
