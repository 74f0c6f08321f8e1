package org.whatmatters.access;

/** How a caller stands towards one client; it decides what they may see and do. */
public enum Relation {
    /** A worker of the client's team. */
    TEAM_WORKER,
    /** A family member with an active link to the client. */
    LINKED_FAMILY,
    PROVIDER_ADMIN,
    /** No right to the client: answered as if it did not exist. */
    NONE
}
