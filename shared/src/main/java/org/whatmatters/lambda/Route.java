package org.whatmatters.lambda;

/** One HTTP API route: parse, authorise, call the domain, respond. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
