package org.whatmatters.functions.live;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import org.whatmatters.auth.Jwks;
import org.whatmatters.auth.TokenVerifier;
import org.whatmatters.config.Env;
import org.whatmatters.live.Poster;
import org.whatmatters.wiring.AwsModule;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** What the live functions add to the AWS clients: the connections table, @connections, the token check. */
@Module(includes = AwsModule.class)
final class LiveModule {

    private LiveModule() {
    }

    @Provides
    @Named("CONNECTIONS_TABLE")
    static String connectionsTable(Env env) {
        return env.require("CONNECTIONS_TABLE");
    }

    /** CONNECTIONS_URL is the stage's https URL: the SDK appends /@connections/{id}. */
    @Provides
    @Singleton
    static ApiGatewayManagementApiClient connections(Env env, SdkHttpClient http, Region region,
                                                     AwsCredentialsProvider credentials) {
        return ApiGatewayManagementApiClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .endpointOverride(URI.create(env.require("CONNECTIONS_URL"))).build();
    }

    @Provides
    @Singleton
    static Poster poster(ApiGatewayManagementApiClient connections) {
        return new ConnectionsPoster(connections);
    }

    /** JWT_AUDIENCE is the app client ids, comma-separated, as the HTTP API's authorizer is given them. */
    @Provides
    @Singleton
    static TokenVerifier tokens(Env env, Clock clock) {
        String issuer = env.require("JWT_ISSUER");
        return new TokenVerifier(issuer, Arrays.stream(env.require("JWT_AUDIENCE").split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList(), Jwks.of(issuer, clock), clock);
    }
}
