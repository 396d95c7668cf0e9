package dev.vetbench.report;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Test fixture: a tiny RFC 3161 time-stamp authority on loopback, built on BouncyCastle's
 * {@link TimeStampResponseGenerator}, with its own throw-away key and certificate.
 */
final class LocalTimestampAuthority implements AutoCloseable {

    private final HttpServer server;
    private final TimeStampResponseGenerator generator;
    private final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(1);
    final AtomicInteger requests = new AtomicInteger();

    private LocalTimestampAuthority(HttpServer server, TimeStampResponseGenerator generator,
            X509Certificate certificate) {
        this.server = server;
        this.generator = generator;
        this.certificate = certificate;
    }

    static LocalTimestampAuthority start() throws Exception {
        KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
        keys.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = keys.generateKeyPair();
        X500Name name = new X500Name("CN=Vetbench test TSA, O=Test fixture");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
            Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), name, pair.getPublic());
        // RFC 3161 section 2.3: the TSA certificate carries only id-kp-timeStamping, marked critical.
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", pair.getPrivate(), certificate),
            new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LocalTimestampAuthority tsa = new LocalTimestampAuthority(server,
            new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED), certificate);
        server.createContext("/tsa", exchange -> tsa.answer(exchange));
        server.start();
        return tsa;
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.getAndIncrement()),
                new Date());
            byte[] body = response.getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    X509Certificate certificate() {
        return certificate;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
