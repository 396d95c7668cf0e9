package dev.vetbench.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vetbench.testbed.TestBed;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engine reached over tcp with mutual TLS, as DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH say. */
class TlsEngineTest {

    @TempDir
    Path temp;

    @Test
    void engineIsReachedThroughMutualTlsWithTheClientCertificate() throws Exception {
        TestBed.requireDocker();
        FakeEndpoints.makeMutualTlsCertificates(temp);
        Path certs = temp.resolve("client");
        try (ServerSocket proxy = FakeEndpoints.mutualTlsProxy(temp.resolve("engine.p12"), certs.resolve("ca.pem"),
                DockerHostSpec.LOCAL_SOCKET)) {
            DockerHostSpec host = DockerHostSpec.resolve(Map.of("DOCKER_HOST", "tcp://127.0.0.1:"
                + proxy.getLocalPort(), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()), temp);

            try (DockerConnection docker = DockerConnection.connect(host)) {
                assertThat(docker.host().transport()).isEqualTo(DockerHostSpec.Transport.TCP_TLS);
                assertThat(docker.engine().engineVersion()).isNotBlank();
                assertThat(docker.images(TestBed.FRONTEND)).isNotEmpty();
            }
        }
    }

    @Test
    void clientCertificateFromAnotherAuthorityIsRefused() throws Exception {
        TestBed.requireDocker();
        FakeEndpoints.makeMutualTlsCertificates(temp.resolve("engine"));
        FakeEndpoints.makeCertificates(temp.resolve("other"));
        Path otherCerts = temp.resolve("other/certs");
        try (ServerSocket proxy = FakeEndpoints.mutualTlsProxy(temp.resolve("engine/engine.p12"),
                temp.resolve("engine/client/ca.pem"), DockerHostSpec.LOCAL_SOCKET)) {
            int port = proxy.getLocalPort();

            DockerException failure = catchThrowableOfType(DockerException.class,
                () -> DockerConnection.connect(DockerHostSpec.tls("127.0.0.1", port, otherCerts)));

            assertThat(failure.reason()).isEqualTo(DockerException.Reason.TLS_FAILED);
            assertThat(failure).hasMessage("The TLS handshake with the Docker engine at tcp://127.0.0.1:" + port
                + " failed; check that the certificates in " + otherCerts + " belong to that engine.");
        }
    }
}
