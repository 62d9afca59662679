package org.zhifa.bureau.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * Applies numbered SQL scripts per module and records them in ZHIFA_SCHEMA_VERSION, each script in
 * its own transaction. A script already applied must not change: its checksum is compared.
 * <p>
 * It starts as soon as the database is there and begins the bureau's own migration in the background:
 * booting Derby (creating the database on a first start) and running the scripts then overlaps with
 * Aries JPA building the register's EntityManagerFactory on the other core. The register still calls
 * {@link #migrate} itself before its first use; that call waits for the early one and finds it done (or
 * fails as it always did, if the early one failed).
 */
@Component(service = SchemaMigrator.class, immediate = true)
public class JdbcSchemaMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchemaMigrator.class);
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(.+)\\.sql");
    private static final String TABLE = "ZHIFA_SCHEMA_VERSION";

    private final DataSource dataSource;

    @Activate
    public JdbcSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                              BundleContext context) {
        this.dataSource = dataSource;
        Bundle own = context.getBundle();
        Thread early = new Thread(() -> {
            try {
                migrate("bureau", own);
            } catch (RuntimeException e) {
                LOG.debug("early schema migration failed; the register retries it", e);
            }
        }, "zhifa-schema-bureau");
        early.setDaemon(true);
        early.start();
    }

    /** For tests: no early migration. */
    JdbcSchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int migrate(String module, Bundle bundle) {
        TreeMap<Integer, URL> scripts = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries("db/" + module, "V*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            Matcher m = SCRIPT.matcher(file);
            if (m.matches()) {
                scripts.put(Integer.parseInt(m.group(1)), url);
            }
        }
        try {
            Map<Integer, String> sources = new TreeMap<>();
            for (Map.Entry<Integer, URL> e : scripts.entrySet()) {
                try (InputStream in = e.getValue().openStream()) {
                    sources.put(e.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return migrate(module, sources);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema scripts of " + module, e);
        }
    }

    /** Applies the given scripts (version → SQL text); visible for tests. */
    synchronized int migrate(String module, Map<Integer, String> scripts) {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            Map<Integer, String> applied = applied(c, module);
            int current = 0;
            for (Map.Entry<Integer, String> e : scripts.entrySet()) {
                int version = e.getKey();
                String checksum = sha256(e.getValue());
                String known = applied.get(version);
                if (known != null) {
                    if (!known.equals(checksum)) {
                        throw new IllegalStateException("schema script " + module + " V" + version
                                + " was changed after it was applied; add a new version instead");
                    }
                } else {
                    apply(c, module, version, e.getValue(), checksum);
                }
                current = version;
            }
            return Math.max(current, applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration of " + module + " failed: " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, TABLE, null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (MODULE VARCHAR(64) NOT NULL, VERSION INTEGER NOT NULL, "
                    + "CHECKSUM VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL, PRIMARY KEY (MODULE, VERSION))");
        } catch (SQLException e) {
            // another bundle created it concurrently
            if (!"X0Y32".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static Map<Integer, String> applied(Connection c, String module) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION, CHECKSUM FROM " + TABLE + " WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return applied;
    }

    private static void apply(Connection c, String module, int version, String sql, String checksum) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?)")) {
                ps.setString(1, module);
                ps.setInt(2, version);
                ps.setString(3, checksum);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("V" + version + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Statements are separated by lines holding only ';'; lines starting with '--' are comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String t = line.trim();
            if (t.equals(";")) {
                add(out, current);
            } else if (!t.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
