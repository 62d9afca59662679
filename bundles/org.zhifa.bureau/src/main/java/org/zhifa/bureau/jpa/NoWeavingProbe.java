package org.zhifa.bureau.jpa;

import java.lang.reflect.Proxy;

import javax.sql.DataSource;

import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.spi.MetadataBuilderContributor;
import org.hibernate.boot.spi.MetadataBuilderImplementor;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Stops the throw-away bootstrap Aries JPA runs for every persistence unit before the real one.
 * <p>
 * Aries JPA 2.7.3 (PersistenceProviderTracker.createAndCloseDummyEMF) builds and closes a complete
 * EntityManagerFactory over a dummy DataSource so that a provider can register a class transformer
 * for weaving; then it builds the real one when the DataSource arrives. This unit uses no bytecode
 * enhancement, so the first build - scanning the bundle, binding the mapping, building a session
 * factory - is pure boot time. Hibernate calls this contributor (persistence.xml property
 * {@code hibernate.metadata_builder_contributor}) before it scans; over Aries' dummy DataSource it
 * fails the build, which Aries catches and logs at debug level. Over a real DataSource it does nothing.
 */
public class NoWeavingProbe implements MetadataBuilderContributor {
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
