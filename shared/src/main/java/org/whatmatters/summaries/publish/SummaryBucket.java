package org.whatmatters.summaries.publish;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.whatmatters.domain.SummaryFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The private summaries bucket. Encryption at rest, blocked public access and the lifecycle rule
 * are the bucket's own settings (template.yaml), so nothing here can loosen them.
 */
@Singleton
public final class SummaryBucket {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    @Inject
    public SummaryBucket(S3Client s3, S3Presigner presigner, @Named("SUMMARIES_BUCKET") String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public SummaryFile put(String key, String format, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        return new SummaryFile(format, key, contentType, bytes.length, sha256(bytes));
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }

    /** A GET anyone holding it can use until it expires; the browser saves it under {@code fileName}. */
    public URL presign(SummaryFile file, Duration lifetime, String fileName) {
        return presigner.presignGetObject(p -> p.signatureDuration(lifetime).getObjectRequest(g -> g.bucket(bucket)
                .key(file.key()).responseContentDisposition("attachment; filename=\"" + fileName + "\""))).url();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
