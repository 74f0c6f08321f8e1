package org.whatmatters.local.cloud.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person of the demo provider, Riverside Home Support, with the claims a Cognito ID token would
 * carry for them. The same ids appear in events/ and in the tests' People.
 */
public record DemoUser(String sub, String name, String role, String description, Map<String, String> custom) {

    public static final String PROVIDER = "p-riverside";

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("f-maria", "Maria", "family", "Rosa's daughter", provider()),
            new DemoUser("f-tom", "Tom", "family", "Arthur's son", provider()),
            new DemoUser("f-former", "Jo", "family", "Rosa's niece, link revoked", provider()),
            new DemoUser("f-sam", "Sam", "family", "not linked yet: accepts the sample invite", provider()),
            new DemoUser("w-amara", "Amara", "worker", "Riverside North", worker("t-north")),
            new DemoUser("w-ben", "Ben", "worker", "Riverside North", worker("t-north")),
            new DemoUser("w-chloe", "Chloe", "worker", "Riverside South", worker("t-south")),
            new DemoUser("a-priya", "Priya", "provider-admin", "Riverside Home Support", provider()),
            new DemoUser("k-keith", "Keith", "commissioner", "Ridgeshire County Council",
                    Map.of("custom:commissioner_id", "comm-ridgeshire")),
            new DemoUser("k-ruth", "Ruth", "commissioner", "Eastvale Borough Council",
                    Map.of("custom:commissioner_id", "comm-eastvale")));

    public static DemoUser bySub(String sub) {
        return ALL.stream().filter(u -> u.sub().equals(sub)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + sub));
    }

    /** The address their sign-in verified (example.org: mail to it goes nowhere). */
    public static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org";
    }

    /** The claims a token of this user carries, as API Gateway passes them to a function. */
    public Map<String, String> claims() {
        Map<String, String> c = new LinkedHashMap<>(custom);
        c.put("sub", sub);
        c.put("cognito:groups", "[" + role + "]");
        return c;
    }

    /** Claims of a demo person without a dev token (the other families, the other workers). */
    public static Map<String, String> claims(String sub, String role, String teamId) {
        DemoUser u = new DemoUser(sub, sub, role, "", teamId == null ? provider() : worker(teamId));
        return u.claims();
    }

    private static Map<String, String> provider() {
        return Map.of("custom:provider_id", PROVIDER);
    }

    private static Map<String, String> worker(String team) {
        Map<String, String> m = new LinkedHashMap<>(provider());
        m.put("custom:team_id", team);
        return Map.copyOf(m);
    }
}
