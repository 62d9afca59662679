package org.zhifa.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.zhifa.api.common.Actor;

/** The shell user as an {@link Actor}: Karaf runs each session as the JAAS subject that logged in. */
final class ShellActor {
    private ShellActor() {}

    @SuppressWarnings("removal")
    static Actor current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new IllegalStateException("no authenticated shell user");
        }
        String user = null;
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof UserPrincipal) {
                user = p.getName();
            } else if (p instanceof RolePrincipal) {
                roles.add(p.getName());
            }
        }
        if (user == null) {
            throw new IllegalStateException("no authenticated shell user");
        }
        return new Actor(user, roles);
    }
}
