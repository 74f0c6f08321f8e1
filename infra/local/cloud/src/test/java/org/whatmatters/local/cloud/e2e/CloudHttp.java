package org.whatmatters.local.cloud.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.whatmatters.local.cloud.LocalCloud;

/** Requests to a running local cloud as the end-to-end tests make them: the API, and its local-only pages. */
final class CloudHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private CloudHttp() {
    }

    /** A call to the HTTP API under its stage; {@code token} and {@code body} (JSON) may be null. */
    static HttpResponse<String> call(LocalCloud cloud, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET at the HTTP port's root, outside the stage (/_local/…, the issuer's pages); {@code token} may be null. */
    static HttpResponse<String> atRoot(LocalCloud cloud, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(cloud.localEndpoint() + path));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request at the HTTP port's root (the local stand-ins, /_local/…) with a JSON body, or none. */
    static HttpResponse<String> atRoot(LocalCloud cloud, String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint() + path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a scheduled function now through the local page, as a developer would; {@code schedule} may be null. */
    static HttpResponse<String> runSchedule(LocalCloud cloud, String function, String schedule)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.localEndpoint() + "/_local/schedules/" + function
                + "/run" + (schedule == null ? "" : "?schedule=" + schedule))).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
