package org.whatmatters.validation;

import java.util.regex.Pattern;

/**
 * The one rule for ids, wherever they come from (a path, a query, a body, a token's subject): ids
 * become parts of DynamoDB keys such as TEAM#t#CLIENTS, whose values DynamoDB refuses over 2 KB and
 * whose '#' separates parts, so an id is short, printable ASCII without '#', spaces or controls.
 * Generated ids ("t-" + a UUID) and Cognito subjects (UUIDs) are well within it.
 */
public final class Ids {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0," + (MAX_LENGTH - 1) + "}");
    public static final String RULE = "1 to " + MAX_LENGTH + " letters, digits or . _ : @ + -, starting with a letter or digit";

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && id.length() <= MAX_LENGTH && ID.matcher(id).matches();
    }

    /**
     * An id derived from what it names: {@code prefix} and the first {@code bytes} of the SHA-256 of the parts
     * joined by '|', base64url. The same parts always give the same id (a retried change, a rerun schedule).
     */
    public static String derived(String prefix, int bytes, String... parts) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return prefix + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(digest, bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
