package org.zhifa.bureau.jpa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.aries.jpa.container.weaving.impl.DummyDataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.archive.scan.internal.DisabledScanner;
import org.hibernate.boot.archive.scan.internal.StandardScanner;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataBuilderImplementor;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

class LeanBootstrapTest {

    @Test
    void replacesTheScannerHibernateOsgiImposes() {
        // hibernate-osgi puts its own scanner into the settings, over persistence.xml: a standard one stands in
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.SCANNER, new StandardScanner())
                .applySetting(AvailableSettings.DATASOURCE, new RealDataSource())
                .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.DerbyTenSevenDialect")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false").build();
        try {
            MetadataBuilderImplementor builder = (MetadataBuilderImplementor) new MetadataSources(registry).getMetadataBuilder();
            assertInstanceOf(StandardScanner.class, builder.getBootstrapContext().getScanner());

            new LeanBootstrap().contribute(builder);

            assertInstanceOf(DisabledScanner.class, builder.getBootstrapContext().getScanner());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Test
    void failsAriesProbeBootstrapOnly() {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dummy())
                .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.DerbyTenSevenDialect")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false").build();
        try {
            MetadataBuilderImplementor builder = (MetadataBuilderImplementor) new MetadataSources(registry).getMetadataBuilder();
            assertThrows(IllegalStateException.class, () -> new LeanBootstrap().contribute(builder));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Test
    void recognisesAriesDummyDataSource() {
        assertTrue(LeanBootstrap.isDummy(dummy()));
        assertFalse(LeanBootstrap.isDummy(new RealDataSource()));
        assertFalse(LeanBootstrap.isDummy(null));
    }

    private static DataSource dummy() {
        return new DummyDataSource();
    }

    private static final class RealDataSource implements DataSource {
        @Override public Connection getConnection() { throw new UnsupportedOperationException(); }
        @Override public Connection getConnection(String u, String p) { throw new UnsupportedOperationException(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return Logger.getGlobal(); }
        @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
