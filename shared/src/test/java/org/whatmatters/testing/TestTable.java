package org.whatmatters.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whatmatters.config.Env;
import org.whatmatters.data.DataTable;
import org.whatmatters.local.engines.TestCloud;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fresh copy of the template's data table on DynamoDB Local, and the environment a function needs for it. */
public final class TestTable {

    private final String name;
    private final DataTable data;

    public TestTable() {
        this.name = TestCloud.freshTable();
        this.data = new DataTable(DynamoDbEnhancedClient.builder().dynamoDbClient(TestCloud.dynamo()).build(),
                TestCloud.dynamo(), name);
    }

    public String name() {
        return name;
    }

    public DataTable data() {
        return data;
    }

    public Map<String, String> envMap() {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", name);
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", TestCloud.dynamoEndpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("TIME_ZONE", "Europe/London");
        env.put("PROVIDER_ID", "p-riverside");
        return env;
    }

    public Env env() {
        return Env.of(envMap());
    }

    /** Every item, in key order: compared before and after a rejected request to show nothing was written. */
    public List<Map<String, AttributeValue>> snapshot() {
        return TestCloud.dynamo().scanPaginator(r -> r.tableName(name).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("PK").s())
                        .thenComparing(i -> i.get("SK").s()))
                .toList();
    }

    /** Every aggregate item of a snapshot as "PK SK" → its number attributes: all of them, so one under a wrong key shows. */
    public static Map<String, Map<String, Long>> aggregates(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            if ("Aggregate".equals(item.get("kind").s())) {
                Map<String, Long> counters = new TreeMap<>();
                item.forEach((k, v) -> {
                    if (v.n() != null) {
                        counters.put(k, Long.parseLong(v.n()));
                    }
                });
                out.put(item.get("PK").s() + " " + item.get("SK").s(), counters);
            }
        }
        return out;
    }
}
