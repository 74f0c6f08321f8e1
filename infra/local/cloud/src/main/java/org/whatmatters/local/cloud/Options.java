package org.whatmatters.local.cloud;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the local cloud is started. Port 0 picks a free port (tests); {@code dataDir} null keeps
 * everything in memory.
 */
public record Options(Path template, String region, int httpPort, int wsPort, int dynamoPort, int s3Port,
                      int webPort, Path dataDir, boolean demo, Map<String, String> parameters) {

    public static final String USAGE = """
            usage: ./dev up [flags]
              --http-port N      HTTP API, tokens and pages (default 3000)
              --ws-port N        first WebSocket API (default 3001; further APIs take the next ports)
              --dynamo-port N    DynamoDB Local (default 8000)
              --s3-port N        S3Proxy (default 9000)
              --web-port N       the web pages (web/ beside the template; default 3002)
              --data-dir DIR     keep tables and buckets in DIR between runs (default: in memory)
              --no-demo          start with empty tables
              --param K=V        a template parameter (repeatable)
              --template FILE    default template.yaml
              --region R         default eu-west-2""";

    /** The web pages: web/ beside the template. */
    public Path webRoot() {
        Path dir = template.toAbsolutePath().getParent();
        return dir.resolve("web");
    }

    /** Ephemeral ports, in memory, demo data: what tests start. */
    public static Options ephemeral(Path template) {
        return new Options(template, "eu-west-2", 0, 0, 0, 0, 0, null, true, Map.of());
    }

    public Options withDemo(boolean demo) {
        return new Options(template, region, httpPort, wsPort, dynamoPort, s3Port, webPort, dataDir, demo, parameters);
    }

    public Options withParameters(Map<String, String> params) {
        return new Options(template, region, httpPort, wsPort, dynamoPort, s3Port, webPort, dataDir, demo,
                Map.copyOf(params));
    }

    public static Options parse(String... args) {
        Path template = Path.of("template.yaml");
        String region = "eu-west-2";
        int http = 3000;
        int ws = 3001;
        int dynamo = 8000;
        int s3 = 9000;
        int web = 3002;
        Path dataDir = null;
        boolean demo = true;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--http-port" -> http = port(a, value(args, ++i, a));
                case "--ws-port" -> ws = port(a, value(args, ++i, a));
                case "--dynamo-port" -> dynamo = port(a, value(args, ++i, a));
                case "--s3-port" -> s3 = port(a, value(args, ++i, a));
                case "--web-port" -> web = port(a, value(args, ++i, a));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                case "--no-demo" -> demo = false;
                case "--template" -> template = Path.of(value(args, ++i, a));
                case "--region" -> region = value(args, ++i, a);
                case "--param" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--param needs Name=Value, got " + kv);
                    }
                    params.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown flag " + a);
            }
        }
        return new Options(template, region, http, ws, dynamo, s3, web, dataDir, demo, Map.copyOf(params));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int port(String flag, String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number, got " + v);
        }
    }
}
