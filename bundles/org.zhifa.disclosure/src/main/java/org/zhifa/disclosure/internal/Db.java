package org.zhifa.disclosure.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;

/** One transaction per write: its rows, then its record entry on the same connection; a refusal writes nothing. */
final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private final DataSource dataSource;

    Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(Sql<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    <T> T write(Sql<T> work) {
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
            throw unavailable(e);
        }
    }

    static ZhifaException unavailable(SQLException e) {
        LOG.warn("disclosure: {}", e.toString());
        return Messages.error(ZhifaException.Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE", null, e.getMessage());
    }
}
