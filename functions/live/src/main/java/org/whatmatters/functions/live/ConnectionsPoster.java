package org.whatmatters.functions.live;

import org.whatmatters.live.Poster;
import org.whatmatters.ops.Log;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** Posts through API Gateway's @connections API with the real SDK client (the local cloud serves the same API). */
final class ConnectionsPoster implements Poster {

    private final ApiGatewayManagementApiClient connections;

    ConnectionsPoster(ApiGatewayManagementApiClient connections) {
        this.connections = connections;
    }

    @Override
    public Outcome post(String connectionId, String message) {
        try {
            connections.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String(message)));
            return Outcome.SENT;
        } catch (GoneException e) {
            return Outcome.GONE;
        } catch (SdkException e) {
            Log.warn("postToConnection failed: " + e.getMessage(), "connectionId", connectionId);
            return Outcome.FAILED;
        }
    }

    @Override
    public Outcome close(String connectionId) {
        try {
            connections.deleteConnection(r -> r.connectionId(connectionId));
            return Outcome.SENT;
        } catch (GoneException e) {
            return Outcome.GONE;
        } catch (SdkException e) {
            Log.warn("deleteConnection failed: " + e.getMessage(), "connectionId", connectionId);
            return Outcome.FAILED;
        }
    }
}
