package org.whatmatters.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.whatmatters.config.Env;
import org.whatmatters.local.engines.LocalS3;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A fresh summaries bucket on the in-JVM S3Proxy, beside a {@link TestTable}, and the environment for both. */
public final class TestBucket {

    private final String name = "summaries-" + UUID.randomUUID();

    public TestBucket() {
        TestCloud.s3().createBucket(name);
    }

    public String name() {
        return name;
    }

    public LocalS3 s3() {
        return TestCloud.s3();
    }

    /** The table's environment plus the bucket, S3Proxy's endpoint and the keys it checks. */
    public Map<String, String> envMap(TestTable table) {
        Map<String, String> env = table.envMap();
        env.put("SUMMARIES_BUCKET", name);
        env.put("AWS_ENDPOINT_URL_S3", s3().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", s3().accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3().secretKey());
        return env;
    }

    public Env env(TestTable table) {
        return Env.of(envMap(table));
    }

    public byte[] get(String key) {
        return s3().client().getObjectAsBytes(g -> g.bucket(name).key(key)).asByteArray();
    }

    /** Every key in the bucket, sorted. */
    public List<String> keys() {
        return s3().client().listObjectsV2Paginator(l -> l.bucket(name)).contents().stream().map(S3Object::key).sorted()
                .toList();
    }
}
