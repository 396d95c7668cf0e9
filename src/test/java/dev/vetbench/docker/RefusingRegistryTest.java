package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registry answers the test bed's docker-registry never gives (403, 5xx, a bearer-token service), from a small
 * HTTP server on loopback that speaks the same API v2 paths.
 */
class RefusingRegistryTest {

    private HttpServer server;
    private int status;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/", this::registry);
        server.createContext("/token", this::tokenService);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @CsvSource({
        "403, 'Registry %s denied access to repository medivendor/frontend (HTTP 403); ask its administrator for "
            + "read access.'",
        "500, 'Registry %s failed to answer for repository medivendor/frontend (HTTP 500); try again later or ask "
            + "its administrator.'",
        "503, 'Registry %s failed to answer for repository medivendor/frontend (HTTP 503); try again later or ask "
            + "its administrator.'"})
    void refusingRegistrySaysSoInOneSentence(int refusal, String message) {
        status = refusal;
        RegistryClient registry = RegistryClient.open(address(), null, null);

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> registry.tags("medivendor/frontend"));

        assertThat(failure.reason()).isEqualTo(DockerException.Reason.REGISTRY_REFUSED);
        assertThat(failure).hasMessage(message.formatted(address()));
    }

    @Test
    void bearerChallengeIsAnsweredWithATokenFromTheRealm() {
        status = 200;
        RegistryClient registry = RegistryClient.open("http://" + address(),
            new RegistryCredentials("assessor", "s3cret"), null);

        assertThat(registry.tags("medivendor/frontend")).containsExactly("1.4.2", "1.5.0");
        assertThat(registry.tags("medivendor/frontend")).hasSize(2);
    }

    @Test
    void tokenServiceRefusingTheCredentialsIsReported() {
        status = 200;
        RegistryClient registry = RegistryClient.open("http://" + address(),
            new RegistryCredentials("assessor", "wrong"), null);

        DockerException failure = catchThrowableOfType(DockerException.class,
            () -> registry.tags("medivendor/frontend"));

        assertThat(failure).hasMessage("The token service of registry " + address()
            + " refused (HTTP 401); check the user name and password.");
    }

    private String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void registry(HttpExchange exchange) throws IOException {
        if (status != 200) {
            reply(exchange, status, "{\"errors\":[{\"code\":\"DENIED\"}]}");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"Bearer token-for-medivendor".equals(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + address()
                + "/token\",service=\"fake-registry\",scope=\"repository:medivendor/frontend:pull\"");
            reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
            return;
        }
        reply(exchange, 200, "{\"name\":\"medivendor/frontend\",\"tags\":[\"1.4.2\",\"1.5.0\"]}");
    }

    private void tokenService(HttpExchange exchange) throws IOException {
        String expected = RegistryClient.basic(new RegistryCredentials("assessor", "s3cret"));
        boolean scoped = List.of(exchange.getRequestURI().getRawQuery().split("&"))
            .contains("scope=repository%3Amedivendor%2Ffrontend%3Apull");
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !scoped) {
            reply(exchange, 401, "{}");
            return;
        }
        reply(exchange, 200, "{\"token\":\"token-for-medivendor\",\"expires_in\":300}");
    }

    private static void reply(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
