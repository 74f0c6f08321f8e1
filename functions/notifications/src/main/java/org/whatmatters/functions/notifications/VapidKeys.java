package org.whatmatters.functions.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import org.whatmatters.json.Json;
import org.whatmatters.notifications.push.Vapid;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The VAPID key pair, from an SSM SecureString holding {"publicKey": …, "privateKey": …} (base64url), read
 * once on first use: never at init, so a SnapStart snapshot holds no secret. The public key alone is in
 * {@code <name>-public}, which is all the settings API may read.
 */
final class VapidKeys {

    private final SsmClient ssm;
    private final String parameter;
    private volatile Vapid vapid;
    private volatile String publicKey;

    VapidKeys(SsmClient ssm, String parameter) {
        this.ssm = ssm;
        this.parameter = parameter;
    }

    String publicKey() {
        String k = publicKey;
        if (k == null) {
            k = ssm.getParameter(r -> r.name(parameter + "-public")).parameter().value().strip();
            publicKey = k;
        }
        return k;
    }

    Vapid get() {
        Vapid v = vapid;
        if (v == null) {
            String value = ssm.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value();
            JsonNode keys = Json.read(value, JsonNode.class);
            v = Vapid.of(keys.path("publicKey").asText(), keys.path("privateKey").asText());
            vapid = v;
        }
        return v;
    }
}
