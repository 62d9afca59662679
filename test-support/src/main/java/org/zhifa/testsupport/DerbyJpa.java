package org.zhifa.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * A test persistence unit on a fresh in-memory Derby database that holds the bundle's shipped
 * schema scripts, with a resource-local {@link JpaTemplate} that behaves as Aries JPA's does: one
 * transaction per call, rolled back when the code throws, the exception passed on unchanged.
 */
public final class DerbyJpa implements AutoCloseable {
    private final String database;
    private final EntityManagerFactory emf;

    private DerbyJpa(String database, EntityManagerFactory emf) {
        this.database = database;
        this.emf = emf;
    }

    /**
     * Creates database {@code name}, runs the scripts (classpath resources, statements separated by a
     * line holding only ';', as the SchemaMigrator splits them) and opens test unit {@code unit}.
     */
    public static DerbyJpa open(String name, String unit, String... scripts) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        String url = "jdbc:derby:memory:" + name + ";create=true";
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String script : scripts) {
                for (String sql : statements(script)) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schema of " + name + ": " + e.getMessage(), e);
        }
        return new DerbyJpa(name, new HibernatePersistenceProvider().createEntityManagerFactory(unit, Map.of(
                "hibernate.connection.url", url,
                "hibernate.connection.driver_class", "org.apache.derby.jdbc.EmbeddedDriver")));
    }

    public JpaTemplate template() {
        return new JpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                EntityManager em = emf.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                try {
                    R result = code.apply(em);
                    tx.commit();
                    return result;
                } catch (Exception e) {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } finally {
                    em.close();
                }
            }

            @Override
            public <R> R txExpr(EmFunction<R> code) {
                return txExpr(TransactionType.Required, code);
            }

            @Override
            public void tx(TransactionType type, EmConsumer code) {
                txExpr(type, em -> {
                    code.accept(em);
                    return null;
                });
            }

            @Override
            public void tx(EmConsumer code) {
                tx(TransactionType.Required, code);
            }
        };
    }

    /** A plain connection to the database (the caller closes it). */
    public Connection connect() {
        try {
            return DriverManager.getConnection("jdbc:derby:memory:" + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query on a plain connection, e.g. to count rows behind the service's back. */
    public long count(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:" + database);
             Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + database + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception
        }
    }

    static List<String> statements(String resource) {
        try (InputStream in = DerbyJpa.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("(?m)^\\s*;\\s*$")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
