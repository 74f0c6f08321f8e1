package org.whatmatters.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Key attribute names and the key values of the single-table design (see the README's table). */
public final class Keys {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String KIND = "kind";
    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";

    private Keys() {
    }

    public static String team(String teamId) {
        return "TEAM#" + teamId;
    }

    public static String member(String workerId) {
        return "MEMBER#" + workerId;
    }

    public static String worker(String workerId) {
        return "WORKER#" + workerId;
    }

    public static String client(String clientId) {
        return "CLIENT#" + clientId;
    }

    public static String teamClients(String teamId) {
        return "TEAM#" + teamId + "#CLIENTS";
    }

    public static String family(String sub) {
        return "FAMILY#" + sub;
    }

    public static String visit(String visitId) {
        return "VISIT#" + visitId;
    }

    public static String clientVisits(String clientId) {
        return "CLIENT#" + clientId + "#VISITS";
    }

    /** Sorts by time as text: whole seconds, always the same width. */
    public static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
