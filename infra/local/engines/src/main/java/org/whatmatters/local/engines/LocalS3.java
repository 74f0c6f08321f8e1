package org.whatmatters.local.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** An S3-compatible server (S3Proxy) on 127.0.0.1 that really checks SigV2/SigV4 signatures. */
public final class LocalS3 implements AutoCloseable {

    public static final Region REGION = Region.EU_WEST_2;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Proxy proxy;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final S3Client client;
    private final S3Presigner presigner;

    private LocalS3(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        this.client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        this.presigner = S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(credentials)
                .build();
    }

    /** In memory, on a free port. */
    public static LocalS3 start() {
        return start(0, null);
    }

    /**
     * @param port    0 lets the server pick a free port
     * @param dataDir folder to keep buckets in, or null to keep them in memory
     */
    public static LocalS3 start(int port, Path dataDir) {
        String accessKey = "LOCAL" + random(ALPHANUMERIC, 15);
        String secretKey = random(ALPHANUMERIC + ALPHANUMERIC.toLowerCase(), 40);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore(dataDir))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
        return new LocalS3(proxy, accessKey, secretKey);
    }

    private static BlobStore blobStore(Path dataDir) {
        if (dataDir == null) {
            return new TransientNio2BlobStore();
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDir, e);
        }
        return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public S3Client client() {
        return client;
    }

    /** Presigns path-style URLs against this server with its credentials. */
    public S3Presigner presigner() {
        return presigner;
    }

    /** Creates the bucket; fine if it already exists (a reused data folder). */
    public void createBucket(String name) {
        try {
            client.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException alreadyThere) {
            // Nothing to do.
        }
    }

    @Override
    public void close() {
        client.close();
        presigner.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        }
    }
}
