import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The same log line and metric through Powertools for AWS Lambda (Java) 2.9.0, functional API (no
 * AspectJ): powertools-logging with its log4j2 backend (powertools-logging-log4j, log4j2.xml with the
 * JsonTemplateLayout and Powertools' LambdaJsonLayout.json) and powertools-metrics (EMF). Service and
 * namespace come from POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE.
 */
public final class LogPowertools {

    /** Initialised on first use, so the standalone run times log4j2's start-up inside the call. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(LogPowertools.class);
    }

    public static void emit(Context context, Object event, String correlationId) {
        // The correlation id is read from the event with a JMESPath, as @Logging(correlationIdPath=...) does.
        PowertoolsLogging.initializeLogging(context, "requestContext.requestId", event);
        Log.LOG.info("visit planned", StructuredArguments.entry("clientId", "c-rosa"));
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addMetric("VisitsPlanned", 1, MetricUnit.COUNT);
        metrics.flush();
        PowertoolsLogging.clearState(false);
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        emit(new BenchContext("bench-request-1"), Map.of("requestContext", Map.of("requestId", "sample-plan-visit")),
                "sample-plan-visit");
        long t1 = System.nanoTime();
        System.out.println("BENCH log_ms=" + String.format(java.util.Locale.ROOT, "%.1f", (t1 - t0) / 1e6) + " status=logged");
        System.exit(0);
    }
}
