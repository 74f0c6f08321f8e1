package org.whatmatters.functions.notifications;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.whatmatters.config.Env;
import org.whatmatters.notifications.Channels;
import org.whatmatters.notifications.NotificationQueue;
import org.whatmatters.wiring.AwsModule;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The notification functions' clients and channels. Each channel is on only when the stack configured it:
 * EMAIL_FROM (an SES identity), SMS_ORIGINATOR, VAPID_PARAMETER (the SSM SecureString with the VAPID keys).
 */
@Module(includes = AwsModule.class)
final class NotificationsModule {

    private NotificationsModule() {
    }

    @Provides
    @Singleton
    static Channels channels(Env env, SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        SesEmail email = env.get("EMAIL_FROM").filter(s -> !s.isBlank()).map(from -> {
            // No SDK retries for a send: a retry after a timeout could send twice; the queue retries what surely failed.
            var ses = SesV2Client.builder().httpClient(http).region(region).credentialsProvider(credentials)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            AwsModule.endpoint(env, "SESV2").ifPresent(ses::endpointOverride);
            return new SesEmail(ses.build(), from, env.get("EMAIL_CONFIGURATION_SET").orElse(""));
        }).orElse(null);
        SmsVoice sms = env.get("SMS_ORIGINATOR").filter(s -> !s.isBlank()).map(originator -> new SmsVoice(http,
                credentials, region, AwsModule.endpoint(env, "PINPOINT_SMS_VOICE_V2").orElse(null), originator,
                "")).orElse(null);
        WebPush push = env.get("VAPID_PARAMETER").filter(s -> !s.isBlank()).map(name -> {
            var ssm = SsmClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
            AwsModule.endpoint(env, "SSM").ifPresent(ssm::endpointOverride);
            return new WebPush(new VapidKeys(ssm.build(), name), env.get("VAPID_SUBJECT").orElse("mailto:support@example.org"));
        }).orElse(null);
        return new StackChannels(email, sms, push);
    }

    @Provides
    @Singleton
    static NotificationQueue queue(Env env, SdkHttpClient http, Region region, AwsCredentialsProvider credentials) {
        var sqs = SqsClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        AwsModule.endpoint(env, "SQS").ifPresent(sqs::endpointOverride);
        return new SqsNotificationQueue(sqs.build(), env.get("NOTIFICATION_QUEUE_URL").orElse(""));
    }
}
