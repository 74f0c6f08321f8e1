// In org.whatmatters.data to reach the response schema, which production code keeps package-private.
package org.whatmatters.data;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.whatmatters.domain.RespondentType;
import org.whatmatters.domain.SurveyResponse;
import org.whatmatters.feedback.FeedbackCounters;
import org.whatmatters.local.engines.LocalDynamo;
import org.whatmatters.local.engines.Template;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Write latency of one survey response on DynamoDB Local, three ways, in one run and interleaved
 * (so machine load falls on all three alike):
 *   put          a plain PutItem of the response item;
 *   tx(put)      the same item alone in a TransactWriteItems, with its create condition;
 *   tx(put+agg)  what the API does: the item and its two aggregate updates (period, period+team).
 * Every write is a new respondent, so conditions pass and the aggregate items stay hot, as in a survey.
 *   bash bench/response-write.sh [warm-up] [measured]
 */
public final class ResponseWriteBench {

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (LocalDynamo dynamo = LocalDynamo.start()) {
            String name = "bench-" + System.nanoTime();
            dynamo.createTable(Template.load(Path.of("template.yaml")).table("DataTable"), name);
            DataTable data = new DataTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo.client()).build(),
                    dynamo.client(), name);
            DynamoDbTable<SurveyResponse> table = data.of(SurveyResponseStore.SCHEMA);
            SurveyResponseStore store = new SurveyResponseStore(data);
            Random random = new Random(42);
            int[] n = {0};
            Runnable put = () -> table.putItem(response(random, n[0]++));
            Runnable txPut = () -> store.create(response(random, n[0]++), List.of());
            Runnable txAgg = () -> {
                SurveyResponse r = response(random, n[0]++);
                List<Counters> counters = FeedbackCounters.of(r);
                store.create(r, counters);
            };
            List<Runnable> ways = List.of(put, txPut, txAgg);
            List<String> names = List.of("put", "tx(put)", "tx(put+agg)");
            for (int i = 0; i < warmUp; i++) {
                ways.forEach(Runnable::run);
            }
            long[][] nanos = new long[3][measured];
            for (int i = 0; i < measured; i++) {
                for (int w = 0; w < 3; w++) {
                    // Rotate the order each round so no way always runs first.
                    int k = (w + i) % 3;
                    long t0 = System.nanoTime();
                    ways.get(k).run();
                    nanos[k][i] = System.nanoTime() - t0;
                }
            }
            System.out.printf("warm-up=%d measured=%d each, java=%s, cores=%d%n", warmUp, measured,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            double[] p50 = new double[3];
            double[] p95 = new double[3];
            for (int w = 0; w < 3; w++) {
                long[] s = nanos[w].clone();
                Arrays.sort(s);
                p50[w] = ms(s[measured / 2]);
                p95[w] = ms(s[(int) Math.ceil(measured * 0.95) - 1]);
                System.out.printf("%-12s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  mean %6.2f ms%n", names.get(w),
                        p50[w], p95[w], ms(s[(int) Math.ceil(measured * 0.99) - 1]), ms(Arrays.stream(s).sum() / measured));
            }
            System.out.printf("tx(put+agg) / put:      p50 %.2fx  p95 %.2fx%n", p50[2] / p50[0], p95[2] / p95[0]);
            System.out.printf("tx(put+agg) / tx(put):  p50 %.2fx  p95 %.2fx%n", p50[2] / p50[1], p95[2] / p95[1]);
        }
        System.exit(0);
    }

    private static final List<String> TEAMS = List.of("t-north", "t-south");

    private static SurveyResponse response(Random r, int i) {
        return new SurveyResponse("sp-bench", RespondentType.FAMILY, "f-bench-" + i, "c-" + i % 50,
                TEAMS.get(i % 2), Map.of("positive-impact", 1 + r.nextInt(6), "reliability", 1 + r.nextInt(6),
                "creativity", 1 + r.nextInt(6)), r.nextInt(11), i % 3 == 0 ? "Lovely team, thank you" : null,
                "f-bench-" + i, Instant.parse("2026-11-23T10:30:00Z"));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
