package org.whatmatters.local.cloud.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every person of the demo provider, read from the demo's own sources (the people supported and their
 * families, the team members, the users with dev tokens), so a person added to the demo is covered by
 * the tests that look for people where they must not be.
 */
public final class DemoPeople {

    private DemoPeople() {
    }

    /** Each demo person's id with their display name (null when the demo gives them none). */
    public static Map<String, String> all() {
        Map<String, String> people = new LinkedHashMap<>();
        for (DemoData.Person p : DemoData.PEOPLE) {
            people.put(p.clientId(), p.name());
            p.workers().forEach(w -> people.putIfAbsent(w, null));
            p.family().forEach(f -> people.put(f, DemoData.name(f)));
        }
        DemoData.MEMBERS.forEach(m -> people.put(m.workerId(), m.displayName()));
        DemoUser.ALL.forEach(u -> people.put(u.sub(), u.name()));
        return people;
    }
}
