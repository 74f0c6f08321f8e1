package org.whatmatters.auth;

import java.util.Optional;

/** The four kinds of caller, as named in the Cognito groups claim. */
public enum Role {
    FAMILY("family"),
    WORKER("worker"),
    PROVIDER_ADMIN("provider-admin"),
    COMMISSIONER("commissioner");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role r : values()) {
            if (r.group.equals(group)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return group;
    }
}
