package org.whatmatters.functions.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.whatmatters.json.Json;
import org.whatmatters.notifications.SendResult;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;

/**
 * SMS through AWS End User Messaging SMS ({@code pinpoint-sms-voice-v2} SendTextMessage) in the stack's
 * region. Called as its JSON API, signed with SigV4: the SDK's module for it is not published at the SDK
 * version the rest of the service uses, and mixing SDK versions is worse than this one request.
 */
final class SmsVoice {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private final String originator;
    private final String configurationSet;

    SmsVoice(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint, String originator,
             String configurationSet) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        URI base = endpoint != null ? endpoint : URI.create("https://sms-voice." + region.id() + ".amazonaws.com");
        // The JSON API is POST / (a local stand-in's endpoint has a path of its own).
        this.endpoint = base.getPath() == null || base.getPath().isEmpty() ? base.resolve("/") : base;
        this.originator = originator;
        this.configurationSet = configurationSet;
    }

    SendResult send(String to, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("DestinationPhoneNumber", to);
        body.put("OriginationIdentity", originator);
        body.put("MessageBody", text);
        body.put("MessageType", "TRANSACTIONAL");
        if (!configurationSet.isBlank()) {
            body.put("ConfigurationSetName", configurationSet);
        }
        byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "PinpointSMSVoiceV2.SendTextMessage").build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveIdentity().join())
                .request(request).payload(ContentStreamProvider.fromByteArray(json))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response;
        String answer;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            answer = response.responseBody().map(b -> {
                try (b) {
                    return new String(b.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse("{}");
        } catch (IOException | UncheckedIOException e) {
            return new SendResult.Unknown(e.toString());
        }
        int status = response.httpResponse().statusCode();
        JsonNode doc = json(answer);
        if (status == 200) {
            return new SendResult.Sent(doc.path("MessageId").asText());
        }
        String type = doc.path("__type").asText(response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""));
        String reason = doc.path("Reason").asText("");
        // A bad number or one that opted out is refused for good; anything else (throttling, quotas, access, an
        // originator not ready) is retried by the queue and kept in the dead letters if it never goes out.
        boolean refusedForGood = type.contains("ValidationException")
                || (type.contains("ConflictException") && reason.contains("OPTED_OUT"));
        return refusedForGood ? new SendResult.Rejected(status + " " + type + " " + reason, false)
                : new SendResult.Failed(status + " " + type + " " + reason);
    }

    private static JsonNode json(String text) {
        try {
            return text.isBlank() ? Json.MAPPER.createObjectNode() : Json.read(text, JsonNode.class);
        } catch (RuntimeException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
