package org.zhifa.api.common;

import java.util.Set;

/** An authenticated user acting on the system; every write is attributed to one. */
public record Actor(String user, Set<String> roles) {
    public Actor {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("actor without a user");
        }
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(roles::contains);
    }
}
