package org.whatmatters.notifications.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.whatmatters.json.Json;

/** VAPID headers a push service accepts, and the ones it must not. */
class VapidTest {

    private static final Vapid VAPID = Vapid.generate();
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc123?x=1";
    private static final String AUDIENCE = "https://fcm.googleapis.com";
    private static final String SUBJECT = "mailto:ops@whatmatters.example";
    private static final Pattern HEADER = Pattern.compile("vapid t=([\\w-]+)\\.([\\w-]+)\\.([\\w-]+), k=([\\w-]+)");

    private static String header() {
        return VAPID.authorization(ENDPOINT, SUBJECT, NOW);
    }

    private static void refused(String authorization, String audience, Instant at, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vapid.verify(authorization, audience, at));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static JsonNode part(String base64url) throws Exception {
        return Json.MAPPER.readTree(Base64Url.decode(base64url));
    }

    @Test
    void aSignedHeaderVerifiesAndNamesItsKey() {
        assertEquals(VAPID.publicKey(), Vapid.verify(header(), AUDIENCE, NOW));
        assertEquals(VAPID.publicKey(), Vapid.verify(header(), AUDIENCE, NOW.plus(Duration.ofHours(11))));
    }

    @Test
    void theHeaderIsAnEs256JwtForTheOriginExpiringInTwelveHours() throws Exception {
        Matcher m = HEADER.matcher(header());
        assertTrue(m.matches(), header());
        assertEquals(Json.MAPPER.readTree("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"), part(m.group(1)));
        JsonNode claims = part(m.group(2));
        assertEquals(AUDIENCE, claims.get("aud").asText(), "origin, without path or query");
        assertEquals(NOW.plus(Duration.ofHours(12)).getEpochSecond(), claims.get("exp").asLong());
        assertTrue(claims.get("exp").asLong() <= NOW.plus(Duration.ofHours(24)).getEpochSecond());
        assertEquals(SUBJECT, claims.get("sub").asText());
        assertEquals(64, Base64Url.decode(m.group(3)).length, "JOSE R||S, not DER");
        assertEquals(VAPID.publicKey(), m.group(4));
        assertEquals(65, Base64Url.decode(m.group(4)).length);
    }

    @Test
    void theAudienceIsTheOriginWithItsPortOnlyIfNotTheDefault() {
        assertEquals("https://updates.push.services.mozilla.com",
                Vapid.audience("https://updates.push.services.mozilla.com/wpush/v2/gAAAA"));
        assertEquals("https://push.example.net", Vapid.audience("HTTPS://Push.Example.net:443/p/1"));
        assertEquals("http://localhost:4567", Vapid.audience("http://localhost:4567/push/sub-1"));
        assertThrows(IllegalArgumentException.class, () -> Vapid.audience("/relative/path"));
        assertThrows(IllegalArgumentException.class, () -> Vapid.audience("ftp://push.example.net/x"));
    }

    @Test
    void anotherAudienceIsRefused() {
        refused(header(), "https://updates.push.services.mozilla.com", NOW, "not https://updates.push.services.mozilla.com");
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(header(), AUDIENCE, NOW.plus(Duration.ofHours(12)), "expired");
        refused(header(), AUDIENCE, NOW.plus(Duration.ofDays(2)), "expired");
    }

    @Test
    void aTokenExpiringMoreThanADayAheadIsRefused() {
        // Checked 13 hours before it was made, it has 25 hours to run.
        refused(header(), AUDIENCE, NOW.minus(Duration.ofHours(13)), "more than 24 hours");
    }

    @Test
    void aTamperedSignatureOrClaimIsRefused() {
        Matcher m = HEADER.matcher(header());
        assertTrue(m.matches());
        char[] signature = m.group(3).toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        refused("vapid t=" + m.group(1) + "." + m.group(2) + "." + new String(signature) + ", k=" + m.group(4),
                AUDIENCE, NOW, "signature");

        String otherClaims = Base64Url.encode(("{\"aud\":\"" + AUDIENCE + "\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond()
                + ",\"sub\":\"" + SUBJECT + "\"}").getBytes());
        refused("vapid t=" + m.group(1) + "." + otherClaims + "." + m.group(3) + ", k=" + m.group(4), AUDIENCE, NOW, "signature");
    }

    @Test
    void aTokenCheckedAgainstAnotherKeyIsRefused() {
        Matcher m = HEADER.matcher(header());
        assertTrue(m.matches());
        String otherKey = Vapid.generate().publicKey();
        refused("vapid t=" + m.group(1) + "." + m.group(2) + "." + m.group(3) + ", k=" + otherKey, AUDIENCE, NOW, "signature");
        String forged = Vapid.generate().authorization(ENDPOINT, SUBJECT, NOW).replaceFirst("k=.*", "k=" + VAPID.publicKey());
        refused(forged, AUDIENCE, NOW, "signature");
    }

    @Test
    void somethingThatIsNotAVapidHeaderIsRefused() {
        refused("Bearer abc", AUDIENCE, NOW, "not a vapid authorization");
        refused("vapid k=" + VAPID.publicKey(), AUDIENCE, NOW, "both t");
        refused("vapid t=a.b, k=" + VAPID.publicKey(), AUDIENCE, NOW, "three parts");
        refused(header().replaceFirst("k=.*", "k=AAAA"), AUDIENCE, NOW, "k is not a P-256 public key");
    }

    @Test
    void keysFromConfigurationSignAsTheGeneratedOnesAndMustBeOnePair() {
        Vapid restored = Vapid.of(VAPID.publicKey(), VAPID.privateKey());
        assertEquals(VAPID.publicKey(), restored.publicKey());
        assertEquals(VAPID.publicKey(), Vapid.verify(restored.authorization(ENDPOINT, SUBJECT, NOW), AUDIENCE, NOW));
        assertEquals(32, Base64Url.decode(VAPID.privateKey()).length);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vapid.of(Vapid.generate().publicKey(), VAPID.privateKey()));
        assertTrue(e.getMessage().contains("not the private key's"), e.getMessage());
        assertFalse(VAPID.toString().contains(VAPID.privateKey()), "the private key stays out of logs");
    }

    @Test
    void theSubjectIsAContactUri() {
        assertThrows(IllegalArgumentException.class, () -> VAPID.authorization(ENDPOINT, "ops@whatmatters.example", NOW));
        assertEquals(VAPID.publicKey(),
                Vapid.verify(VAPID.authorization(ENDPOINT, "https://whatmatters.example/contact", NOW), AUDIENCE, NOW));
    }
}
