package org.zhifa.bureau.jpa;

import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.archive.scan.internal.DisabledScanner;
import org.hibernate.boot.spi.MetadataBuilderContributor;
import org.hibernate.boot.spi.MetadataBuilderImplementor;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Takes out of every unit's bootstrap two pieces of work that a zhifa unit does not need. Hibernate
 * calls this contributor (persistence.xml property {@code hibernate.metadata_builder_contributor}) after
 * it has read its settings and before it scans.
 * <ul>
 * <li><b>Aries JPA's throw-away bootstrap.</b> Aries JPA 2.7.3 (PersistenceProviderTracker.createAndCloseDummyEMF)
 * builds and closes a complete EntityManagerFactory over a dummy DataSource so that a provider can
 * register a class transformer for weaving; then it builds the real one when the DataSource arrives. No
 * unit here uses bytecode enhancement, so over Aries' dummy DataSource this contributor fails the build,
 * which Aries catches and logs at debug level.</li>
 * <li><b>The archive scan.</b> Every unit lists its entities and excludes unlisted classes, yet
 * hibernate-osgi hands Hibernate an {@code OsgiScanner} that indexes, with Jandex, every class the unit's
 * bundle can see (its own and those of every package it imports), overriding a
 * {@code hibernate.archive.scanner} setting in persistence.xml. That was about half of the register's
 * bootstrap at every start. The scanner is replaced here, after hibernate-osgi's choice is applied.</li>
 * </ul>
 */
public class LeanBootstrap implements MetadataBuilderContributor {
    private static final String DUMMY = "org.apache.aries.jpa.container.weaving.impl.DummyDataSource";

    @Override
    public void contribute(MetadataBuilder builder) {
        if (builder instanceof MetadataBuilderImplementor b) {
            ConnectionProvider connections = b.getBootstrapContext().getServiceRegistry()
                    .getService(ConnectionProvider.class);
            if (connections != null && connections.isUnwrappableAs(DataSource.class)
                    && isDummy(connections.unwrap(DataSource.class))) {
                throw new IllegalStateException("no weaving here: Aries JPA's probe bootstrap skipped");
            }
        }
        builder.applyScanner(new DisabledScanner());
    }

    static boolean isDummy(Object dataSource) {
        if (dataSource == null) {
            return false;
        }
        Class<?> type = Proxy.isProxyClass(dataSource.getClass())
                ? Proxy.getInvocationHandler(dataSource).getClass() : dataSource.getClass();
        return type.getName().startsWith(DUMMY);
    }
}
