package org.zhifa.disclosure.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Jdbc;
import org.zhifa.api.common.ZhifaException;

/** One transaction per write: its rows, then its record entry on the same connection; a refusal writes nothing. */
final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private final DataSource dataSource;

    Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(dataSource, work, Db::unavailable);
    }

    <T> T write(Jdbc.Work<T> work) {
        return Jdbc.write(dataSource, work, Db::unavailable);
    }

    static ZhifaException unavailable(SQLException e) {
        LOG.warn("disclosure: {}", e.toString());
        return Messages.error(ZhifaException.Kind.UNAVAILABLE, "DATABASE_UNAVAILABLE", null, e.getMessage());
    }
}
