package org.whatmatters.local.engines;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One local cloud per test JVM: DynamoDB Local starts on first use (S3 separately, on first use too),
 * is shared by every test class in the JVM, and is closed by a shutdown hook.
 * Tests get isolation from {@link #freshTable()}, not from restarting the engines.
 */
public final class TestCloud {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private TestCloud() {}

    public static DynamoDbClient dynamo() {
        return Dynamo.ENGINE.client();
    }

    public static URI dynamoEndpoint() {
        return Dynamo.ENGINE.endpoint();
    }

    public static LocalS3 s3() {
        return S3.ENGINE;
    }

    /** A new, empty table shaped like the template's DataTable. */
    public static String freshTable() {
        return freshTable("DataTable");
    }

    /** A new, empty table shaped like the given table resource of the repository's template.yaml. */
    public static String freshTable(String logicalId) {
        String name = logicalId + "-" + TABLES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Dynamo.ENGINE.createTable(Repo.TEMPLATE.table(logicalId), name);
        return name;
    }

    /** The repository's template.yaml, parsed once. */
    public static Template template() {
        return Repo.TEMPLATE;
    }

    /** The nearest folder at or above user.dir that holds a template.yaml. */
    public static Path repoRoot() {
        return Repo.ROOT;
    }

    // Holder classes: the JVM initialises each lazily and exactly once, even with parallel tests.
    private static final class Repo {
        static final Path ROOT = findRoot();
        static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

        private static Path findRoot() {
            Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("No template.yaml in " + start + " or any folder above it");
        }
    }

    private static final class Dynamo {
        static final LocalDynamo ENGINE = closedAtExit(LocalDynamo.start());
    }

    private static final class S3 {
        static final LocalS3 ENGINE = closedAtExit(LocalS3.start());
    }

    private static <T extends AutoCloseable> T closedAtExit(T engine) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                engine.close();
            } catch (Exception ignored) {
                // The JVM is exiting anyway.
            }
        }, "test-cloud-shutdown"));
        return engine;
    }
}
