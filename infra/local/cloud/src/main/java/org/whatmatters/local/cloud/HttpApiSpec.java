package org.whatmatters.local.cloud;

import java.util.List;

/**
 * An AWS::Serverless::HttpApi: its stage, JWT authorizer, CORS and throttling (DefaultRouteSettings).
 * {@code defaultAuthorizer} is null when routes are open by default.
 */
public record HttpApiSpec(String logicalId, String apiId, String stage, String defaultAuthorizer,
                          String issuer, List<String> audiences, Cors cors, Throttle throttle) {
}
