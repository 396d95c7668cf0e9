package dev.vetbench.docker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Talks to started fixtures as a client would: HTTPS to the front end, SSLRequest then TLS to the database. */
final class TargetProbes {

    /** PostgreSQL's SSLRequest code (protocol 3, section 55.2.10 of the PostgreSQL manual). */
    private static final int SSL_REQUEST_CODE = 80877103;

    private TargetProbes() {
    }

    /** GET / over HTTPS, trusting any certificate (the fixture's is self-signed); returns the body. */
    static String httpsGet(HostPort endpoint) throws IOException, InterruptedException, GeneralSecurityException {
        HttpClient client = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(3))
            .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + endpoint + "/"))
            .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sends the SSLRequest preamble, expects 'S', then completes a TLS handshake over the same socket. */
    static SSLSession postgresTlsSession(HostPort endpoint) throws IOException, GeneralSecurityException {
        Socket plain = new Socket(endpoint.host(), endpoint.port());
        plain.setSoTimeout(10_000);
        DataOutputStream out = new DataOutputStream(plain.getOutputStream());
        out.writeInt(8);
        out.writeInt(SSL_REQUEST_CODE);
        out.flush();
        int answer = new DataInputStream(plain.getInputStream()).read();
        if (answer != 'S') {
            plain.close();
            throw new IOException("server answered the SSLRequest with " + answer + ", not 'S'");
        }
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory()
            .createSocket(plain, endpoint.host(), endpoint.port(), true);
        try (tls) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(null);
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls.getSession();
        }
    }

    static SSLContext trustAll() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // Test fixture: certificates are self-signed.
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // Test fixture: certificates are self-signed.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
