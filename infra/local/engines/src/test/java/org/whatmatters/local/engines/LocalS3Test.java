package org.whatmatters.local.engines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class LocalS3Test {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PHOTO = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
    private static String bucket;

    @BeforeAll
    static void upload() {
        bucket = "photos-" + UUID.randomUUID().toString().substring(0, 8);
        TestCloud.s3().createBucket(bucket);
        TestCloud.s3().client().putObject(r -> r.bucket(bucket).key("visits/7.jpg"), RequestBody.fromBytes(PHOTO));
    }

    private static URI presign(S3Presigner presigner, Duration lifetime) throws Exception {
        return presigner.presignGetObject(p -> p.signatureDuration(lifetime)
                .getObjectRequest(g -> g.bucket(bucket).key("visits/7.jpg"))).url().toURI();
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertRejected(HttpResponse<byte[]> response, String reason) {
        assertEquals(403, response.statusCode());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains(reason), body);
    }

    @Test
    void presignedGetReturnsTheObject() throws Exception {
        HttpResponse<byte[]> response = get(presign(TestCloud.s3().presigner(), Duration.ofMinutes(5)));
        assertEquals(200, response.statusCode());
        assertArrayEquals(PHOTO, response.body());
    }

    @Test
    void tamperedSignatureIsRejected() throws Exception {
        String url = presign(TestCloud.s3().presigner(), Duration.ofMinutes(5)).toString();
        int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char changed = url.charAt(at) == '0' ? '1' : '0';
        URI tampered = URI.create(url.substring(0, at) + changed + url.substring(at + 1));
        assertNotEquals(url, tampered.toString());
        assertRejected(get(tampered), "SignatureDoesNotMatch");
    }

    @Test
    void expiredUrlIsRejected() throws Exception {
        URI url = presign(TestCloud.s3().presigner(), Duration.ofSeconds(1));
        Thread.sleep(2_100);
        assertRejected(get(url), "Request has expired");
    }

    @Test
    void wrongSecretAndAnonymousRequestsAreRejected() throws Exception {
        LocalS3 s3 = TestCloud.s3();
        try (S3Presigner forger = S3Presigner.builder().endpointOverride(s3.endpoint()).region(LocalS3.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey() + "x")))
                .build()) {
            assertRejected(get(presign(forger, Duration.ofMinutes(5))), "SignatureDoesNotMatch");
        }
        assertRejected(get(s3.endpoint().resolve("/" + bucket + "/visits/7.jpg")), "AccessDenied");
    }

    @Test
    void filesystemStoreKeepsObjectsAndKeysAreGeneratedPerStart(@TempDir Path dir) {
        String firstKey;
        try (LocalS3 first = LocalS3.start(0, dir)) {
            firstKey = first.accessKey();
            first.createBucket("kept");
            first.client().putObject(r -> r.bucket("kept").key("a.txt"), RequestBody.fromString("hello"));
        }
        try (LocalS3 second = LocalS3.start(0, dir)) {
            assertNotEquals(firstKey, second.accessKey());
            second.createBucket("kept");
            assertEquals("hello", second.client().getObjectAsBytes(r -> r.bucket("kept").key("a.txt")).asUtf8String());
        }
    }
}
