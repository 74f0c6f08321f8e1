package org.whatmatters.notifications.push;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A POST to a subscription's endpoint, as a push service expects it (RFC 8030 section 5). */
public record PushRequest(URI endpoint, Map<String, String> headers, byte[] body) {

    public PushRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
