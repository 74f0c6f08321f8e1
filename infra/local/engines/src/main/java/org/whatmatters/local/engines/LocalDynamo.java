package org.whatmatters.local.engines;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** DynamoDB Local running inside this JVM, in memory or on disk. */
public final class LocalDynamo implements AutoCloseable {

    public static final Region REGION = Region.EU_WEST_2;
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** In memory, on a free port. */
    public static LocalDynamo start() {
        return start(0, null);
    }

    /**
     * @param port  0 picks a free port
     * @param dbDir folder for the database file, or null to keep everything in memory
     */
    public static LocalDynamo start(int port, Path dbDir) {
        if (dbDir != null) {
            try {
                Files.createDirectories(dbDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dbDir, e);
            }
        }
        int attempts = port == 0 ? 5 : 1;
        for (int attempt = 1; ; attempt++) {
            int p = port == 0 ? Ports.free() : port;
            DynamoDBProxyServer server = null;
            try {
                server = ServerRunner.createServerFromCommandLineArgs(args(p, dbDir));
                server.start();
                return new LocalDynamo(server, p);
            } catch (Exception e) {
                stopQuietly(server);
                // A port picked as free can be taken before Jetty binds it: try another one.
                if (attempt >= attempts) {
                    throw new IllegalStateException("DynamoDB Local did not start on port " + p, e);
                }
            }
        }
    }

    private static String[] args(int port, Path dbDir) {
        List<String> args = new ArrayList<>();
        if (dbDir == null) {
            args.add("-inMemory");
        } else {
            args.addAll(List.of("-dbPath", dbDir.toAbsolutePath().toString()));
        }
        // -sharedDb: one database whatever credentials/region a caller (e.g. a function under test) signs with.
        args.addAll(List.of("-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"));
        return args.toArray(String[]::new);
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Already failing to start; the start error is the one worth reporting.
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates the table as declared (or keeps it if it already exists) and waits until it is ACTIVE. */
    public void createTable(TableSpec spec, String physicalName) {
        List<GlobalSecondaryIndex> gsis = spec.gsis().stream().map(g -> GlobalSecondaryIndex.builder()
                .indexName(g.indexName())
                .keySchema(keys(g.hashKey(), g.rangeKey()))
                .projection(Projection.builder().projectionType(g.projectionType())
                        .nonKeyAttributes(g.nonKeyAttributes().isEmpty() ? null : g.nonKeyAttributes()).build())
                .build()).toList();
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(physicalName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(spec.attributes().entrySet().stream().map(a -> AttributeDefinition.builder()
                        .attributeName(a.getKey()).attributeType(a.getValue()).build()).toList())
                .keySchema(keys(spec.hashKey(), spec.rangeKey()))
                .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis)
                .streamSpecification(spec.streamViewType() == null ? null : StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(spec.streamViewType()).build())
                .build();
        try {
            client.createTable(request);
        } catch (ResourceInUseException alreadyThere) {
            // Reusing a -dbPath folder: the table survived from an earlier run.
        }
        awaitActive(physicalName);
        if (spec.ttlAttribute() != null) {
            TimeToLiveStatus status = client.describeTimeToLive(r -> r.tableName(physicalName))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                client.updateTimeToLive(r -> r.tableName(physicalName).timeToLiveSpecification(
                        t -> t.attributeName(spec.ttlAttribute()).enabled(true)));
            }
        }
    }

    private void awaitActive(String table) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription d = client.describeTable(r -> r.tableName(table)).table();
            boolean indexesActive = d.globalSecondaryIndexes().stream()
                    .allMatch(g -> g.indexStatus() == IndexStatus.ACTIVE);
            if (d.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Table " + table + " not ACTIVE after " + ACTIVE_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + table, e);
            }
        }
    }

    private static List<KeySchemaElement> keys(String hash, String range) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
