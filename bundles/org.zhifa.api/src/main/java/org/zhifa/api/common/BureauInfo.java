package org.zhifa.api.common;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bureau this deployment serves (config PID {@code org.zhifa.bureau}). Every stored row carries
 * its {@link #code()} so a city deployment can later host several county bureaus (P6).
 */
@ProviderType
public interface BureauInfo {

    /** Administrative division code of the bureau, e.g. {@code 430421}. */
    String code();

    /** The bureau's name, e.g. 衡阳县自然资源局. */
    String name();
}
