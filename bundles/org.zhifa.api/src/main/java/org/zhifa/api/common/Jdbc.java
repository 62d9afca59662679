package org.zhifa.api.common;

import java.sql.Connection;
import java.sql.SQLException;
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

    private Jdbc() {}

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
