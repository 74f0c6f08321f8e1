import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.whatmatters.local.cloud.FunctionHost;
import org.whatmatters.local.cloud.LocalCloud;
import org.whatmatters.local.cloud.Options;

/**
 * What one person supported costs in AWS a month. One simulated week of a typical person runs on the
 * local cloud (the real template, functions and tables, demo data): 14 visits planned, checked in and
 * out, 2 stories, a family member opening the page once a day with live updates for an hour; plus a
 * survey answer a quarter, the nightly and monthly compiles and the connection sweep, whose share is
 * theirs. It measures DynamoDB request units (ReturnConsumedCapacity, bench/cost/Meter.java), Lambda
 * invocations and warm durations, API requests, WebSocket messages, S3 requests and bytes out, and
 * prices them with bench/cost/prices-eu-west-2.tsv. Run by bench/cost.sh.
 */
public final class CostBench {

    static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
    static final String PERSON = "c-rosa";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final LocalCloud cloud;
    final AtomicLong httpRequests = new AtomicLong();
    final AtomicLong wsMessages = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();

    CostBench(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** What one activity used: counted while it ran, then weighted to a person's month. */
    record Usage(double httpRequests, double wsMessages, double wsMinutes, double readUnits, double writeUnits,
                 double lambdaRequests, double lambdaGbSeconds, double s3Puts, double s3Gets, double bytesOut,
                 double logBytes) {

        Usage times(double k) {
            return new Usage(httpRequests * k, wsMessages * k, wsMinutes * k, readUnits * k, writeUnits * k,
                    lambdaRequests * k, lambdaGbSeconds * k, s3Puts * k, s3Gets * k, bytesOut * k, logBytes * k);
        }

        Usage plus(Usage o) {
            return new Usage(httpRequests + o.httpRequests, wsMessages + o.wsMessages, wsMinutes + o.wsMinutes,
                    readUnits + o.readUnits, writeUnits + o.writeUnits, lambdaRequests + o.lambdaRequests,
                    lambdaGbSeconds + o.lambdaGbSeconds, s3Puts + o.s3Puts, s3Gets + o.s3Gets,
                    bytesOut + o.bytesOut, logBytes + o.logBytes);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int people = Integer.parseInt(System.getenv().getOrDefault("PEOPLE", "10"));
        double memoryGb = Double.parseDouble(System.getenv().getOrDefault("MEMORY_GB", "1"));
        Map<String, Double> price = prices(root.resolve("bench/cost/prices-eu-west-2.tsv"));
        PrintStream console = System.out;
        CountingOut logs = new CountingOut();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (LocalCloud cloud = LocalCloud.start(Options.parse("--template", root.resolve("template.yaml").toString(),
                "--http-port", "0", "--ws-port", "0", "--dynamo-port", "0", "--s3-port", "0", "--web-port", "0"))) {
            CostBench bench = new CostBench(cloud);
            bench.week(); // warms every path up; the second week is measured
            Map<String, Usage> month = new LinkedHashMap<>();
            month.put("care and family, a week", bench.measure(logs, memoryGb, bench::week).times(WEEKS_PER_MONTH));
            month.put("survey answer, a quarter", bench.measure(logs, memoryGb, bench::answerSurvey)
                    .times(1.0 / 3));
            // Stack-wide runs, shared by every person the stack supports (the demo's compiles are for its 10).
            month.put("nightly compile, shared", bench.measure(logs, memoryGb, () -> bench.schedule(
                    "CompileSummariesFunction", "events/schedule/period-end-summaries.json")).times(365.25 / 12 / 10));
            month.put("monthly compile, shared", bench.measure(logs, memoryGb, () -> bench.schedule(
                    "CompileSummariesFunction", "events/schedule/monthly-summaries.json")).times(1.0 / 10));
            month.put("connection sweep each minute, shared", bench.measure(logs, memoryGb, () -> bench.schedule(
                    "ConnectionSweepFunction", "events/schedule/connection-sweep.json")).times(60 * 24 * 365.25 / 12 / people));
            System.setOut(console);
            report(month, price, people);
        }
    }

    /** Runs an activity and returns what it used, as the meters and the function host counted it. */
    Usage measure(CountingOut logs, double memoryGb, Activity activity) throws Exception {
        Meter.reset();
        long http = httpRequests.get(), ws = wsMessages.get(), out = bytesOut.get(), logged = logs.count.get();
        Map<String, FunctionHost.Invocations> before = cloud.functions().invocations();
        double minutes = activity.run();
        settle();
        Map<String, FunctionHost.Invocations> after = cloud.functions().invocations();
        long calls = 0;
        long nanos = 0;
        for (var e : after.entrySet()) {
            FunctionHost.Invocations b = before.getOrDefault(e.getKey(), new FunctionHost.Invocations(0, 0));
            calls += e.getValue().count() - b.count();
            nanos += e.getValue().nanos() - b.nanos();
        }
        Map<String, Long> sdk = Meter.calls();
        long puts = sdk.entrySet().stream().filter(e -> e.getKey().matches("S3\\.(Put|Copy|List|Create).*"))
                .mapToLong(Map.Entry::getValue).sum();
        long gets = sdk.entrySet().stream().filter(e -> e.getKey().matches("S3\\.(Get|Head).*"))
                .mapToLong(Map.Entry::getValue).sum();
        // Lambda adds START, END and REPORT lines (about 300 bytes) per invocation; API Gateway an access log line.
        long platformLogs = calls * 300L + (httpRequests.get() - http) * 350L;
        return new Usage(httpRequests.get() - http, wsMessages.get() - ws, minutes, Meter.READ_UNITS.sum(),
                Meter.WRITE_UNITS.sum(), calls, nanos / 1e9 * memoryGb, puts, gets, bytesOut.get() - out,
                logs.count.get() - logged + platformLogs);
    }

    interface Activity {
        /** Runs; returns the WebSocket connection minutes it stands for. */
        double run() throws Exception;
    }

    /** One week: each day two visits (the team plans its own), the family page opened once with live updates; two stories. */
    double week() throws Exception {
        String worker = cloud.token("w-amara");
        String family = cloud.token("f-maria");
        for (int day = 1; day <= 7; day++) {
            LiveFeed feed = LiveFeed.open(this, family);
            for (String path : List.of("/me", "/clients/" + PERSON + "/visits?limit=20",
                    "/clients/" + PERSON + "/stories?limit=10", "/clients/" + PERSON + "/updates?limit=50")) {
                call("GET", path, family, null, 200);
            }
            for (int v = 0; v < 2; v++) {
                Instant start = Instant.now().minusSeconds(600);
                String planned = call("POST", "/clients/" + PERSON + "/visits", worker, """
                        {"serviceType":"personal-care","plannedStart":"%s","plannedEnd":"%s","workerIds":["w-amara"],
                         "location":{"address":"14 Orchard Lane, Leeds LS6 2AB","latitude":53.8197,"longitude":-1.5803}}
                        """.formatted(start, start.plusSeconds(3600)), 201);
                String visitId = field(planned, "visitId");
                call("POST", "/visits/" + visitId + "/check-in", worker, "{\"note\":\"All well on arrival.\"}", 200);
                call("POST", "/visits/" + visitId + "/check-out", worker,
                        "{\"note\":\"Left settled.\",\"whatMattered\":\"Chose her own clothes.\"}", 200);
            }
            if (day == 2 || day == 5) {
                call("POST", "/clients/" + PERSON + "/stories", worker, """
                        {"title":"Back at the lunch club","text":"Rosa went by bus and chose her own seat.",
                         "date":"%s","domains":["relationships-community"],"goals":["Out twice a week"],
                         "consent":"family"}""".formatted(LocalDate.now(ZoneOffset.UTC)), 201);
            }
            feed.pings(12); // the page pings every 5 minutes: an hour open
            settle();
            feed.close();
        }
        return 7 * 60;
    }

    double answerSurvey() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = "sp-" + today.getYear() + "-q" + today.get(IsoFields.QUARTER_OF_YEAR);
        String family = cloud.token("f-maria");
        // Maria has not answered the open period in the demo: the one answer of her quarter.
        call("POST", "/survey-periods/" + period + "/responses", family, """
                {"clientId":"c-rosa","ratings":{"positive-impact":6,"reliability":5,"creativity":6},
                 "recommend":10,"comment":"They know what matters to Mum."}""", 201);
        return 0;
    }

    double schedule(String function, String sample) throws Exception {
        cloud.functions().invoke(function, Files.readString(Path.of(sample)));
        return 0;
    }

    String call(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        httpRequests.incrementAndGet();
        bytesOut.addAndGet(r.body().getBytes(StandardCharsets.UTF_8).length + 300L); // + headers
        if (expected > 0 && r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Waits until the stream poller has fanned every write out (no invocation for half a second). */
    void settle() throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long now = cloud.functions().invocations().values().stream().mapToLong(FunctionHost.Invocations::count).sum();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The family page's live connection: connected with its token and person, pinging, counting pushes. */
    static final class LiveFeed implements WebSocket.Listener {
        private final CostBench bench;
        private WebSocket socket;

        private LiveFeed(CostBench bench) {
            this.bench = bench;
        }

        static LiveFeed open(CostBench bench, String token) {
            LiveFeed feed = new LiveFeed(bench);
            URI ws = bench.cloud.webSocketEndpoints().values().iterator().next();
            feed.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(ws + "?token=" + token + "&clientId="
                    + PERSON), feed).join();
            return feed;
        }

        void pings(int n) {
            for (int i = 0; i < n; i++) {
                socket.sendText("{\"action\":\"ping\"}", true).join();
                bench.wsMessages.incrementAndGet();
            }
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            bench.wsMessages.incrementAndGet();
            bench.bytesOut.addAndGet(data.length());
            webSocket.request(1);
            return null;
        }
    }

    /** Counts what the functions write to standard output: their log lines, which CloudWatch Logs ingests. */
    static final class CountingOut extends OutputStream {
        final AtomicLong count = new AtomicLong();

        @Override
        public void write(int b) {
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count.addAndGet(len);
        }
    }

    static Map<String, Double> prices(Path tsv) throws Exception {
        Map<String, Double> p = new TreeMap<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            p.put(f[0], Double.parseDouble(f[1]) / Double.parseDouble(f[2]));
        }
        return p;
    }

    static void report(Map<String, Usage> month, Map<String, Double> price, int people) {
        Usage all = month.values().stream().reduce(Usage::plus).orElseThrow();
        double gbp = price.get("usd_gbp");
        Map<String, double[]> rows = new LinkedHashMap<>(); // component -> {quantity, usd}
        rows.put("Lambda requests", new double[]{all.lambdaRequests(), all.lambdaRequests() * price.get("lambda.request")});
        rows.put("Lambda duration (GB-s)", new double[]{all.lambdaGbSeconds(),
                all.lambdaGbSeconds() * price.get("lambda.gb_second.arm64")});
        rows.put("HTTP API requests", new double[]{all.httpRequests(), all.httpRequests() * price.get("http_api.request")});
        rows.put("WebSocket messages", new double[]{all.wsMessages(), all.wsMessages() * price.get("ws.message")});
        rows.put("WebSocket connection minutes", new double[]{all.wsMinutes(),
                all.wsMinutes() * price.get("ws.connection_minute")});
        rows.put("DynamoDB write request units", new double[]{all.writeUnits(),
                all.writeUnits() * price.get("dynamodb.write_request_unit")});
        rows.put("DynamoDB read request units", new double[]{all.readUnits(),
                all.readUnits() * price.get("dynamodb.read_request_unit")});
        rows.put("S3 PUT/LIST requests", new double[]{all.s3Puts(), all.s3Puts() * price.get("s3.put")});
        rows.put("S3 GET requests", new double[]{all.s3Gets(), all.s3Gets() * price.get("s3.get")});
        rows.put("Data transfer out (GB)", new double[]{all.bytesOut() / 1e9, all.bytesOut() / 1e9 * price.get("transfer_out.gb")});
        rows.put("CloudWatch Logs ingested (GB)", new double[]{all.logBytes() / 1e9,
                all.logBytes() / 1e9 * price.get("logs.ingest_gb")});
        double total = rows.values().stream().mapToDouble(r -> r[1]).sum();
        System.out.printf(Locale.ROOT, "Per person supported per month (eu-west-2 list prices; %d people share the stack-wide runs)%n", people);
        System.out.printf(Locale.ROOT, "%-32s %14s %12s %12s %7s%n", "component", "quantity", "USD", "GBP", "share");
        rows.forEach((k, r) -> System.out.printf(Locale.ROOT, "%-32s %14.4f %12.6f %12.6f %6.1f%%%n", k, r[0], r[1],
                r[1] * gbp, 100 * r[1] / total));
        System.out.printf(Locale.ROOT, "%-32s %14s %12.6f %12.6f%n", "total", "", total, total * gbp);
        System.out.println();
        System.out.println("By activity (USD per person-month, all components):");
        month.forEach((k, u) -> System.out.printf(Locale.ROOT, "  %-40s %10.6f%n", k, cost(u, price)));
        double lambda2x = total + rows.get("Lambda duration (GB-s)")[1];
        System.out.printf(Locale.ROOT, "If Lambda at 1 GB (about 0.6 vCPU, arm64) ran twice as long as here: %.6f USD, %.6f GBP%n",
                lambda2x, lambda2x * gbp);
    }

    static double cost(Usage u, Map<String, Double> p) {
        return u.lambdaRequests() * p.get("lambda.request") + u.lambdaGbSeconds() * p.get("lambda.gb_second.arm64")
                + u.httpRequests() * p.get("http_api.request") + u.wsMessages() * p.get("ws.message")
                + u.wsMinutes() * p.get("ws.connection_minute") + u.writeUnits() * p.get("dynamodb.write_request_unit")
                + u.readUnits() * p.get("dynamodb.read_request_unit") + u.s3Puts() * p.get("s3.put")
                + u.s3Gets() * p.get("s3.get") + u.bytesOut() / 1e9 * p.get("transfer_out.gb")
                + u.logBytes() / 1e9 * p.get("logs.ingest_gb");
    }
}
