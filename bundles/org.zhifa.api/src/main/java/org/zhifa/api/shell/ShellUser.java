package org.zhifa.api.shell;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/**
 * The user of the Karaf shell session that calls, as an {@link Actor}: Karaf runs each session as the
 * JAAS subject that logged in. Provided by the shell bundle, so that shell commands of plug-ins attribute
 * their writes without reading the JAAS subject themselves.
 */
@ProviderType
public interface ShellUser {

    /**
     * The calling thread's session user and roles.
     *
     * @throws org.zhifa.api.common.ZhifaException UNAUTHENTICATED ({@code SHELL_UNAUTHENTICATED}) outside an
     *         authenticated session
     */
    Actor current();
}
