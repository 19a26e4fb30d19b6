package dev.osprey.signaling;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SignalingServerTest {

    private static LoopbackServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        server = new LoopbackServer(SignalingConfig.dev(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.http(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootAnswersTheHealthProbe() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void headOnRootHasNoBody() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.http("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(2);
    }

    @Test
    void doubleLeadingSlashIsTheRoot() throws Exception {
        assertThat(get("//").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = get("/nothing/here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("requested room does not exist");
    }

    @Test
    void postOnRootIsNotAllowed() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.http("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
    }
}
