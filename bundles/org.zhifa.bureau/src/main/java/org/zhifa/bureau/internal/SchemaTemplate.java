package org.zhifa.bureau.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

/**
 * Build time only (the assembly runs it): creates the empty embedded Derby database an assembly ships in
 * {@code data/zhifa/derby}, with the schema scripts of the given bundle jars applied by the same
 * {@link JdbcSchemaMigrator} a running bureau uses, and shuts it down cleanly. A bureau's first start then
 * opens a database instead of creating one and running some two hundred DDL statements on the boot's
 * critical path; the migrator at runtime finds every shipped version applied (same checksums) and goes on
 * with anything newer. {@code bin/karaf clean} or a deleted data folder falls back to creating it.
 *
 * <p>Usage: {@code SchemaTemplate <database dir> <bundle.jar>...}
 */
public final class SchemaTemplate {
    private static final Pattern SCRIPT = Pattern.compile("db/([A-Za-z0-9_-]+)/V(\\d+)__[^/]+\\.sql");

    private SchemaTemplate() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SchemaTemplate <database dir> <bundle.jar>...");
        }
        File db = new File(args[0]);
        if (db.exists()) {
            throw new IllegalStateException(db + " exists already");
        }
        Map<String, Map<Integer, String>> modules = new TreeMap<>();
        for (String jar : List.of(args).subList(1, args.length)) {
            scripts(new File(jar), modules);
        }
        DataSource ds = (DataSource) Class.forName("org.apache.derby.jdbc.EmbeddedDataSource").getDeclaredConstructor()
                .newInstance();
        ds.getClass().getMethod("setDatabaseName", String.class).invoke(ds, db.getAbsolutePath());
        ds.getClass().getMethod("setCreateDatabase", String.class).invoke(ds, "create");
        JdbcSchemaMigrator migrator = new JdbcSchemaMigrator(ds);
        // the register's and the record's tables first, as a bureau's boot does; the others by name
        for (String first : List.of("bureau", "record")) {
            if (modules.containsKey(first)) {
                System.out.println("schema " + first + " V" + migrator.migrate(first, modules.remove(first)));
            }
        }
        for (Map.Entry<String, Map<Integer, String>> m : modules.entrySet()) {
            System.out.println("schema " + m.getKey() + " V" + migrator.migrate(m.getKey(), m.getValue()));
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException e) {
            if (!"XJ015".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void scripts(File jar, Map<String, Map<Integer, String>> modules) throws IOException {
        try (ZipFile z = new ZipFile(jar)) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Matcher m = SCRIPT.matcher(e.getName());
                if (m.matches()) {
                    try (InputStream in = z.getInputStream(e)) {
                        modules.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                                .put(Integer.parseInt(m.group(2)), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }
}
