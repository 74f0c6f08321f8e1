import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.whatmatters.config.Env;
import org.whatmatters.json.Json;
import org.whatmatters.local.cloud.JwtIssuer;
import org.whatmatters.local.cloud.demo.DemoData;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.LocalS3;
import org.whatmatters.local.engines.TableSpec;
import org.whatmatters.local.engines.Template;

/**
 * What the cold-start bench's functions talk to, started once per bench run (bench/cold-start.sh):
 * DynamoDB Local and S3Proxy in memory, the template's tables and buckets, the demo data (the ids the
 * events/ samples use), and one small HTTP server standing in for API Gateway's @connections API
 * (POST answered 204 and counted) and for the token issuer's JWKS (the $connect route fetches it).
 *
 * <p>Writes {@code cloud.env} (KEY=VALUE lines the script gives the functions) and
 * {@code connect.json} (the sample $connect event carrying a real token for f-maria) into the folder
 * given as the first argument (the second is the repository root), prints READY, and runs until it
 * is killed.
 */
public final class BenchCloud {

    static final String AUDIENCE = "whatmatters-web";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path repo = Path.of(args.length > 1 ? args[1] : ".");
        long t0 = System.nanoTime();
        Template template = Template.load(repo.resolve("template.yaml"));
        LocalDynamo dynamo = LocalDynamo.start();
        LocalS3 s3 = LocalS3.start();
        Map<String, String> tables = new LinkedHashMap<>();
        for (TableSpec t : template.tables()) {
            String name = t.tableName() != null ? t.tableName() : t.logicalId();
            dynamo.createTable(t, name);
            tables.put(t.logicalId(), name);
        }
        String bucket = "whatmatters-bench-summaries";
        s3.createBucket(bucket);

        AtomicInteger posts = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        JwtIssuer issuer = new JwtIssuer(base + "/issuer", AUDIENCE, Clock.systemUTC());
        http.createContext("/issuer/", ex -> {
            if (ex.getRequestURI().getPath().endsWith("/.well-known/jwks.json")) {
                send(ex, 200, issuer.jwks());
            } else {
                send(ex, 404, "{}");
            }
        });
        // API Gateway's @connections: POST /{stage}/@connections/{id} (the SDK may percent-encode the @).
        http.createContext("/dev/", ex -> {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestMethod().equals("POST")) {
                posts.incrementAndGet();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        http.createContext("/_bench/posts", ex -> send(ex, 200, Integer.toString(posts.get())));
        http.start();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", tables.get("DataTable"));
        env.put("CONNECTIONS_TABLE", tables.get("ConnectionsTable"));
        env.put("CONNECTIONS_URL", base + "/dev");
        env.put("JWT_ISSUER", issuer.issuer());
        env.put("JWT_AUDIENCE", AUDIENCE);
        env.put("SUMMARIES_BUCKET", bucket);
        env.put("LINK_MAX_SECONDS", "3600");
        // The template's ProviderId default: the demo provider, whose people the sample events name.
        env.put("PROVIDER_ID", "p-riverside");
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        // DynamoDB Local (-sharedDb) takes any key; S3Proxy checks signatures against these.
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("BENCH_POSTS_URL", base + "/_bench/posts");

        long t1 = System.nanoTime();
        if (!DemoData.seed(Env.of(env), Clock.systemUTC())) {
            throw new IllegalStateException("demo data was not seeded");
        }
        long t2 = System.nanoTime();

        // The sample $connect event with a real token of this run's issuer (Maria, Rosa's daughter).
        String token = issuer.mint("f-maria", List.of("family"), Map.of("custom:provider_id", "p-riverside"),
                Duration.ofHours(3));
        ObjectNode connect = (ObjectNode) Json.MAPPER.readTree(
                Files.readString(repo.resolve("events/websocket/live/connect.json")));
        ((ObjectNode) connect.get("queryStringParameters")).put("token", token);
        ((ObjectNode) connect.get("multiValueQueryStringParameters")).putArray("token").add(token);
        Files.writeString(out.resolve("connect.json"), Json.MAPPER.writeValueAsString(connect));

        StringBuilder lines = new StringBuilder();
        env.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        Files.writeString(out.resolve("cloud.env"), lines);
        System.out.printf("READY engines+tables %d ms, demo data %d ms%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
        System.out.flush();

        // Until the script stops us (SIGTERM): the engines live in this JVM and go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> http.stop(0)));
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
