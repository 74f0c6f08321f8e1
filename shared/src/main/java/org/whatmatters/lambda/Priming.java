package org.whatmatters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.whatmatters.ops.Log;

/**
 * SnapStart priming: just before Lambda snapshots an initialised function, the handler runs one
 * harmless request through its whole path (routing, JSON, auth, a DynamoDB read), so the classes it
 * loads and the code it compiles are in the snapshot instead of in the first request after a restore.
 * A primer reads and never writes, and makes nothing that must be unique (ids, keys, randomness):
 * every restored copy would share it.
 */
public final class Priming implements Resource {

    /** The caller a priming request claims to be; it exists in no table. */
    public static final Map<String, String> CALLER = Map.of("sub", "priming", "cognito:groups", "[provider-admin]");

    private final Supplier<?> primer;
    private volatile int primed;
    private volatile Object answer;

    private Priming(Supplier<?> primer) {
        this.primer = primer;
    }

    /**
     * Registers {@code primer}, which sends its request through the handler and answers the handler's response,
     * to run before a snapshot. The handler must keep the Priming returned: CRaC holds resources weakly.
     */
    public static Priming register(Supplier<?> primer) {
        Priming p = new Priming(primer);
        Core.getGlobalContext().register(p);
        return p;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: clients hold no unique state, credentials come from the container endpoint
    }

    /** Runs the primer; a failing primer never stops the snapshot. */
    public void prime() {
        try {
            answer = primer.get();
            primed++;
        } catch (RuntimeException e) {
            Log.warn("priming failed", "error", e.toString());
        }
    }

    public int timesPrimed() {
        return primed;
    }

    /** The handler's response to the last priming request (null before one completed): what shows it really ran. */
    public Object answer() {
        return answer;
    }

    /** A GET through the HTTP API as the priming caller, e.g. ("GET /visits/{visitId}", visitId, "priming"). */
    public static APIGatewayV2HTTPEvent get(String routeKey, String pathParameter, String value) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(CALLER).build();
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey(routeKey).withRequestId("priming")
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey)
                .withPathParameters(Map.of(pathParameter, value)).withHeaders(Map.of()).withIsBase64Encoded(false)
                .withRequestContext(ctx).build();
    }
}
