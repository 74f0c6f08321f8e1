package org.whatmatters.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.whatmatters.config.Env;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 client and presigner for the summaries bucket; only the functions that store summaries include it. */
@Module(includes = AwsModule.class)
public final class StorageModule {

    private StorageModule() {
    }

    /** Path-style under an endpoint override: S3Proxy (and LocalStack) have no per-bucket host names. */
    private static S3Configuration config(Env env) {
        return S3Configuration.builder().pathStyleAccessEnabled(AwsModule.endpoint(env, "S3").isPresent()).build();
    }

    @Provides
    @Singleton
    static S3Client s3(Env env, SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .serviceConfiguration(config(env));
        AwsModule.endpoint(env, "S3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Singleton
    static S3Presigner presigner(Env env, Region region, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials).serviceConfiguration(config(env));
        AwsModule.endpoint(env, "S3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Named("SUMMARIES_BUCKET")
    static String bucket(Env env) {
        return env.require("SUMMARIES_BUCKET");
    }
}
