package org.whatmatters.notifications.push;

import java.util.Base64;

/** base64url as Web Push writes it: no padding out, padding or none accepted in. */
public final class Base64Url {

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws IllegalArgumentException if the text is not base64url */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no base64url text");
        }
        // The JDK's URL decoder takes the trailing '=' or goes without it.
        return Base64.getUrlDecoder().decode(text.strip());
    }
}
