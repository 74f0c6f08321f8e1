package org.whatmatters.local.cloud;

import java.util.Map;

/**
 * An AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET, its Routes and Integrations:
 * {@code routes} maps a route key ($connect, $disconnect, $default, subscribe, ...) to the logical id
 * of the function its integration invokes; {@code throttle} is the stage's DefaultRouteSettings and RouteSettings.
 */
public record WebSocketApiSpec(String logicalId, String apiId, String routeSelectionExpression, String stage,
                               Map<String, String> routes, Throttle throttle) {
}
