package org.whatmatters.data;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The stack's single data table, as seen through each record's schema. */
@Singleton
public final class DataTable {

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient client;
    private final String name;

    @Inject
    public DataTable(DynamoDbEnhancedClient enhanced, DynamoDbClient client, @Named("TABLE_NAME") String name) {
        this.enhanced = enhanced;
        this.client = client;
        this.name = name;
    }

    public <T> DynamoDbTable<T> of(TableSchema<T> schema) {
        return enhanced.table(name, schema);
    }

    public String name() {
        return name;
    }

    /** For the few calls the Enhanced Client cannot express (counters in transactions). */
    public DynamoDbClient client() {
        return client;
    }
}
