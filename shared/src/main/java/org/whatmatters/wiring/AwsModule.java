package org.whatmatters.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.whatmatters.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS clients, built once per function instance from the environment: explicit region,
 * credentials and HTTP client, so the SDK does no discovery on a cold start.
 */
@Module
public final class AwsModule {

    private AwsModule() {
    }

    @Provides
    @Singleton
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Provides
    @Singleton
    static Region region(Env env) {
        return Region.of(env.require("AWS_REGION"));
    }

    /**
     * Lambda gives credentials as environment variables, or (with SnapStart) through the container
     * credentials endpoint; the local cloud gives its generated dev keys in its map.
     */
    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(Env env) {
        Optional<String> key = env.get("AWS_ACCESS_KEY_ID");
        if (key.isPresent()) {
            String secret = env.require("AWS_SECRET_ACCESS_KEY");
            AwsCredentials credentials = env.get("AWS_SESSION_TOKEN").filter(t -> !t.isBlank())
                    .<AwsCredentials>map(t -> AwsSessionCredentials.create(key.get(), secret, t))
                    .orElseGet(() -> AwsBasicCredentials.create(key.get(), secret));
            return StaticCredentialsProvider.create(credentials);
        }
        return ContainerCredentialsProvider.builder().build();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb(Env env, SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        endpoint(env, "DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Singleton
    static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Provides
    @Named("TABLE_NAME")
    static String tableName(Env env) {
        return env.require("TABLE_NAME");
    }

    /** AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL: the SDK's own names, for the local cloud or LocalStack. */
    public static Optional<URI> endpoint(Env env, String service) {
        return env.get("AWS_ENDPOINT_URL_" + service).or(() -> env.get("AWS_ENDPOINT_URL"))
                .filter(s -> !s.isBlank()).map(URI::create);
    }
}
