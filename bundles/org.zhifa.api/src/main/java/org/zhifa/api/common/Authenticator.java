package org.zhifa.api.common;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks a user name and password against the bureau's user realm (the Karaf JAAS realm), for every
 * front end that takes credentials itself (REST Basic, the console's login form).
 */
@ProviderType
public interface Authenticator {

    /** The user with the roles the realm gives, or empty for an unknown user or a wrong password. */
    Optional<Actor> authenticate(String user, char[] password);
}
