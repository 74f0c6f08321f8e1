package org.whatmatters.local.cloud;

import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function as the template declares it, with Globals merged and intrinsics
 * resolved to the local endpoints and names.
 */
public record FunctionSpec(String logicalId, String handlerClass, String handlerMethod,
                           Map<String, String> environment, List<EventSource> events) {

    public <T extends EventSource> List<T> events(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
