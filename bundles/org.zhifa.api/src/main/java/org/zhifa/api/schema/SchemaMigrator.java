package org.zhifa.api.schema;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The one mechanism that creates and evolves the database schema. A bundle owning tables ships
 * numbered SQL scripts under {@code db/<module>/V<n>__<description>.sql} (statements separated by
 * lines holding only {@code ;}) and calls {@link #migrate} when its component activates; applied
 * versions are recorded in table {@code ZHIFA_SCHEMA_VERSION} and never re-run.
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * Applies the not yet applied scripts of {@code module} shipped in {@code bundle}, in version order.
     *
     * @return the module's schema version after migration
     */
    int migrate(String module, Bundle bundle);
}
