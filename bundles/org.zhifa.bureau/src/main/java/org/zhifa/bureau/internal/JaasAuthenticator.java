package org.zhifa.bureau.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Authenticator;

/** Checks a user name and password against a JAAS realm (Karaf's {@code karaf} by default). */
@Component(service = Authenticator.class, configurationPid = BureauConfig.PID)
public class JaasAuthenticator implements Authenticator {

    private final String realm;
    private final Configuration configuration;

    /** The configured realm, through the JVM-wide configuration Karaf installs. */
    @Activate
    public JaasAuthenticator(BureauConfig config) {
        this(config.realm(), null);
    }

    /** A given realm and configuration; null configuration = the JVM-wide one. */
    JaasAuthenticator(String realm, Configuration configuration) {
        this.realm = realm;
        this.configuration = configuration;
    }

    @Override
    public Optional<Actor> authenticate(String user, char[] password) {
        try {
            return Optional.of(login(user, password));
        } catch (LoginException e) {
            return Optional.empty();
        }
    }

    /**
     * The authenticated user with the roles the realm gives.
     *
     * @throws LoginException for unknown users and wrong passwords
     */
    Actor login(String user, char[] password) throws LoginException {
        if (user == null || user.isBlank() || password == null || password.length == 0) {
            throw new LoginException("missing credentials");
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's proxy login module through the context class loader.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = configuration == null
                    ? new LoginContext(realm, subject, callbacks -> handle(callbacks, user, password))
                    : new LoginContext(realm, subject, callbacks -> handle(callbacks, user, password),
                            configuration);
            context.login();
            Set<String> roles = roles(subject);
            context.logout();
            return new Actor(user, roles);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Names of the role principals of a subject (groups are already expanded by the realm). */
    static Set<String> roles(Subject subject) {
        Set<String> roles = new TreeSet<>();
        for (RolePrincipal p : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(p.getName());
        }
        return roles;
    }

    private static void handle(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback nc) {
                nc.setName(user);
            } else if (c instanceof PasswordCallback pc) {
                pc.setPassword(password.clone());
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }
}
