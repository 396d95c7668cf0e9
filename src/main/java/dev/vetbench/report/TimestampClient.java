package dev.vetbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an RFC 3161 time-stamp authority for a token over a SHA-256 digest (RFC 3161 section 3.4: the request is
 * POSTed as {@code application/timestamp-query}). Off unless the assessor configures a TSA URL, so that everything
 * works offline.
 */
public final class TimestampClient {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampClient.class);
    private static final int MAX_RESPONSE = 1 << 20;

    private final URI url;
    private final Duration timeout;

    public TimestampClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /** The TSA's address. */
    public URI url() {
        return url;
    }

    /** Returns a validated time-stamp token whose message imprint is the given SHA-256 digest. */
    public TimeStampToken timestamp(byte[] sha256) throws ReportException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, new SecureRandom());
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256, nonce);
        try {
            TimeStampResponse response = new TimeStampResponse(post(request.getEncoded()));
            // Checks status, nonce, imprint and that a token is present (RFC 3161 section 2.4.2).
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new ReportException("The time-stamp authority at " + url + " refused the request ("
                    + response.getStatusString() + "); check the URL or sign without a timestamp.");
            }
            LOG.info("Time-stamp from {} at {}", url, token.getTimeStampInfo().getGenTime().toInstant());
            return token;
        } catch (TSPException | IOException e) {
            throw new ReportException("No timestamp could be obtained from " + url + "; check the URL and the "
                + "network, or sign without a timestamp.", e);
        }
    }

    private byte[] post(byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/timestamp-query");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            if (connection.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] reply = in.readNBytes(MAX_RESPONSE + 1);
                if (reply.length > MAX_RESPONSE) {
                    throw new IOException("time-stamp response larger than " + MAX_RESPONSE + " bytes");
                }
                return reply;
            }
        } finally {
            connection.disconnect();
        }
    }
}
