import org.whatmatters.local.engines.LocalDynamo;

/** The floor for the start-up bench: a JVM that starts DynamoDB Local in memory, lists tables, and exits. */
public final class StartFloor {
    public static void main(String[] args) {
        try (LocalDynamo dynamo = LocalDynamo.start()) {
            dynamo.client().listTables();
        }
        System.exit(0);
    }
}
