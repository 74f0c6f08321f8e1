import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start floor: a fresh JVM on a function's jar (same SDK) that builds one DynamoDbClient the
 * way the functions do (UrlConnection client, static credentials, explicit region, endpoint override),
 * does one PutItem and exits. Nothing a function does can start faster than this with this SDK.
 */
public final class FloorPut {

    public static void main(String[] args) {
        long mainWall = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String table = System.getenv("TABLE_NAME");
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
                .build()) {
            long t1 = System.nanoTime();
            dynamo.putItem(r -> r.tableName(table).item(Map.of(
                    "PK", AttributeValue.fromS("BENCH#floor"),
                    "SK", AttributeValue.fromS(Long.toString(t0)),
                    "kind", AttributeValue.fromS("BenchFloor"))));
            long t2 = System.nanoTime();
            StringBuilder line = new StringBuilder("BENCH");
            if (!Boolean.getBoolean("bench.nomx")) {
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                line.append(" jvm_to_main_ms=").append(mainWall - jvmStart);
                line.append(" jvm_to_response_ms=").append(mainWall - jvmStart + (t2 - t0) / 1_000_000);
            }
            line.append(" construct_ms=").append((t1 - t0) / 1_000_000).append(" first_invoke_ms=")
                    .append((t2 - t1) / 1_000_000).append(" status=put");
            System.out.println(line);
        }
        System.exit(0);
    }
}
