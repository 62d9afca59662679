package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;

class JaasAuthenticatorTest {

    /** A realm with one user, admin/secret, holding two roles and a group. */
    public static class OneUserModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared,
                               Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.getMessage());
            }
            if (!"admin".equals(name.getName()) || !"secret".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("bad credentials");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new GroupPrincipal("admingroup"));
            subject.getPrincipals().add(new RolePrincipal("zhifa-admin"));
            subject.getPrincipals().add(new RolePrincipal("zhifa-officer"));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration CONFIG = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "test".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                    OneUserModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                    Map.of())} : null;
        }
    };

    private final JaasAuthenticator auth = new JaasAuthenticator("test", CONFIG);

    @Test
    void rolesAreTheRolePrincipals() throws LoginException {
        Actor actor = auth.login("admin", "secret".toCharArray());
        assertEquals("admin", actor.user());
        assertEquals(Set.of("zhifa-admin", "zhifa-officer"), actor.roles());
    }

    @Test
    void wrongPasswordAndEmptyInputFail() {
        assertThrows(LoginException.class, () -> auth.login("admin", "wrong".toCharArray()));
        assertThrows(LoginException.class, () -> auth.login("nobody", "secret".toCharArray()));
        assertThrows(LoginException.class, () -> auth.login("", "secret".toCharArray()));
        assertThrows(LoginException.class, () -> auth.login("admin", new char[0]));
    }

    @Test
    void authenticateAnswersEmptyForBadCredentials() {
        assertEquals(Set.of("zhifa-admin", "zhifa-officer"),
                auth.authenticate("admin", "secret".toCharArray()).orElseThrow().roles());
        assertTrue(auth.authenticate("admin", "wrong".toCharArray()).isEmpty());
        assertTrue(auth.authenticate(null, null).isEmpty());
    }

    @Test
    void restoresTheContextClassLoader() throws LoginException {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        auth.login("admin", "secret".toCharArray());
        assertThrows(LoginException.class, () -> auth.login("admin", "x".toCharArray()));
        assertEquals(before, Thread.currentThread().getContextClassLoader());
    }
}
