package dev.vetbench.assessment;

import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.ErrorReason;
import dev.vetbench.checks.Evidence;
import dev.vetbench.checks.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test fixture: assessments built in code from real {@link CheckResult} values, shaped like what the four checks
 * return (the facts and transcripts follow the checks' evidence), for the report and assessment tests.
 */
public final class SampleAssessments {

    /** Text that stands for patient data in leaked server memory; it must never reach any output. */
    public static final String LEAKED_MEMORY_MARKER = "PATIENT-RECORD:Jane-Q-Public:MRN-0042-SSN-078-05-1120";
    /** SHA-256 of the marker, which the Heartbleed evidence keeps instead of the bytes. */
    public static final String LEAKED_MEMORY_SHA256 = sha256(LEAKED_MEMORY_MARKER);
    public static final Instant STARTED = Instant.parse("2026-12-03T14:00:00Z");
    public static final ImageVersion FLAWED = new ImageVersion("medivendor/frontend", "1.4.2",
        "sha256:4f0a9c3e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a21");
    public static final ImageVersion FIXED = new ImageVersion("medivendor/frontend", "1.5.0",
        "sha256:9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a");

    private SampleAssessments() {
    }

    /** Two front-end versions x four checks: the older one fails three checks, the newer one passes. */
    public static Assessment twoVersionsFourChecks() {
        Assessment assessment = Assessment.start("MediVendor Inc.", "MediVendor Patient Portal",
            new Assessor("Dana Whitfield", "St. Elsewhere Health System", "Information security officer"),
            new Scope("unix:///var/run/docker.sock", List.of(FIXED, FLAWED), List.of("nginx-tls")), STARTED);
        assessment = withResults(assessment, FLAWED, true);
        assessment = withResults(assessment, FIXED, false);
        assessment = assessment.withNote(new Note("", "", "Both versions were started from the nginx-tls profile "
            + "on the vendor's reference host; the deployment guide (rev. 7) was followed.", "Dana Whitfield",
            STARTED.plusSeconds(600)));
        assessment = assessment.withNote(new Note(FLAWED.id(), CheckCatalogue.VOLUME_ENCRYPTION,
            "The vendor states that production runs on LUKS volumes; the reference host does not.",
            "Dana Whitfield", STARTED.plusSeconds(660)));
        return assessment.withWaiver(new Waiver(FLAWED.id(), CheckCatalogue.VOLUME_ENCRYPTION,
            "Version 1.4.2 is retired on 2027-01-31; until then it runs only on hosts with LUKS-encrypted "
                + "disks (evidence: hosting contract annex C).",
            "R. Okafor, CISO", LocalDate.parse("2027-01-31"), STARTED.plusSeconds(700)));
    }

    /** {@code versions} versions of the front end x four checks, alternating flawed and fixed results. */
    public static Assessment manyVersions(int versions) {
        List<ImageVersion> scope = new ArrayList<>();
        for (int i = 0; i < versions; i++) {
            scope.add(new ImageVersion("medivendor/frontend", "1." + i + ".0",
                String.format("sha256:%064x", 1_000_003L * (i + 1))));
        }
        Assessment assessment = Assessment.start("MediVendor Inc.", "MediVendor Patient Portal",
            new Assessor("Dana Whitfield", "St. Elsewhere Health System", "Information security officer"),
            new Scope("unix:///var/run/docker.sock", scope, List.of("nginx-tls")), STARTED);
        for (int i = 0; i < versions; i++) {
            assessment = withResults(assessment, scope.get(i), i % 3 == 0);
        }
        return assessment;
    }

    /** The four results of one version; {@code flawed} picks the older image's behaviour. */
    public static Assessment withResults(Assessment assessment, ImageVersion version, boolean flawed) {
        Instant at = STARTED.plusSeconds(assessment.results().size() * 7L);
        List<CheckResult> results = List.of(heartbleed(version, flawed, at), fallback(version, flawed, at),
            proxy(version, flawed, at), volume(version, flawed, at));
        for (CheckResult result : results) {
            assessment = assessment.withResult(version.id(), result, at.plusSeconds(5));
        }
        return assessment;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static CheckResult heartbleed(ImageVersion version, boolean flawed, Instant at) {
        Evidence.Builder evidence = Evidence.builder()
            .fact("target", "127.0.0.1:8443")
            .fact("protocol", "TLS 1.2")
            .fact("cipher suite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
            .fact("heartbeat extension negotiated", flawed)
            .fact("probe", "before handshake completes")
            .fact("payload bytes sent", 3)
            .fact("claimed payload length", 16_384);
        if (flawed) {
            evidence.fact("bytes returned", 16_384)
                .fact("leaked memory SHA-256", LEAKED_MEMORY_SHA256)
                .line("> ClientHello TLS 1.2, 52 cipher suites, heartbeat(mode=peer_allowed_to_send)")
                .line("< ServerHello TLS 1.2, heartbeat(mode=peer_allowed_to_send)")
                .line("> HeartbeatRequest payload_length=16384, 3 bytes sent")
                .line("< HeartbeatResponse 16384 bytes (13 ms): contents withheld, SHA-256 recorded");
            return new CheckResult(CheckCatalogue.HEARTBLEED, version.id(), Verdict.FAIL,
                "The server returned 16 384 bytes of its memory for a 3-byte heartbeat.", null, evidence.build(),
                at, Duration.ofMillis(41));
        }
        evidence.fact("bytes returned", 0)
            .line("> ClientHello TLS 1.2, 52 cipher suites, heartbeat(mode=peer_allowed_to_send)")
            .line("< ServerHello TLS 1.2, no heartbeat extension")
            .line("> HeartbeatRequest payload_length=16384, 3 bytes sent")
            .line("< Alert fatal unexpected_message (4 ms)");
        return new CheckResult(CheckCatalogue.HEARTBLEED, version.id(), Verdict.PASS,
            "The server does not negotiate heartbeats and closed the connection on the malformed request.", null,
            evidence.build(), at, Duration.ofMillis(18));
    }

    static CheckResult fallback(ImageVersion version, boolean flawed, Instant at) {
        Evidence evidence = Evidence.builder()
            .fact("highest version accepted", "TLS 1.3")
            .fact("fallback attempt", "TLS 1.2 with TLS_FALLBACK_SCSV")
            .fact("server answer", flawed ? "handshake completed" : "alert inappropriate_fallback (86)")
            .line("> ClientHello TLS 1.3 ... < ServerHello TLS 1.3")
            .line("> ClientHello TLS 1.2 + TLS_FALLBACK_SCSV (0x5600)")
            .line(flawed ? "< ServerHello TLS 1.2 (downgrade accepted)" : "< Alert fatal inappropriate_fallback")
            .build();
        return new CheckResult(CheckCatalogue.FALLBACK_SCSV, version.id(), flawed ? Verdict.FAIL : Verdict.PASS,
            flawed ? "The server completed a TLS 1.2 fallback handshake despite TLS_FALLBACK_SCSV."
                : "The server refused the fallback with inappropriate_fallback (RFC 7507).",
            null, evidence, at, Duration.ofMillis(27));
    }

    static CheckResult proxy(ImageVersion version, boolean flawed, Instant at) {
        if (flawed) {
            Evidence evidence = Evidence.builder()
                .fact("headers sent", "v1 TCP4, v2 TCP4 from 192.0.2.10 (RFC 5737)")
                .fact("startup", "container exited before its port answered")
                .line("container log: nginx: [emerg] invalid parameter \"proxy_protocol\" in "
                    + "/etc/nginx/conf.d/default.conf:3")
                .build();
            return new CheckResult(CheckCatalogue.PROXY_PROTOCOL, version.id(), Verdict.ERROR,
                "The target exited before it could be checked; its last log line is in the evidence.",
                ErrorReason.TARGET_EXITED, evidence, at, Duration.ofMillis(2_350));
        }
        Evidence evidence = Evidence.builder()
            .fact("headers sent", "v1 TCP4, v2 TCP4, v1 TCP6, v2 TCP6")
            .fact("address in header", "192.0.2.10, 2001:db8::10")
            .fact("address logged", "192.0.2.10, 2001:db8::10")
            .fact("serves clients without a header", false)
            .line("log: 192.0.2.10 - - [03/Dec/2026:14:00:02 +0000] \"GET / HTTP/1.1\" 200 615")
            .build();
        return new CheckResult(CheckCatalogue.PROXY_PROTOCOL, version.id(), Verdict.PASS,
            "The access log records the client address from the PROXY header for v1 and v2.", null, evidence, at,
            Duration.ofMillis(880));
    }

    static CheckResult volume(ImageVersion version, boolean flawed, Instant at) {
        Evidence evidence = Evidence.builder()
            .fact("data directory", "/var/lib/medivendor")
            .fact("declared VOLUME", !flawed)
            .fact("mount chain", flawed ? "container writable layer (overlay2) -> /dev/sda1 ext4 (no encryption)"
                : "volume medivendor-data -> /var/lib/docker/volumes (ext4, fscrypt v2 policy)")
            .fact("cipher", flawed ? "none" : "AES-256-XTS (contents), AES-256-CTS (file names)")
            .line("helper read /proc/self/mountinfo and /sys/block/sda/dm (read-only)")
            .build();
        return new CheckResult(CheckCatalogue.VOLUME_ENCRYPTION, version.id(), flawed ? Verdict.FAIL : Verdict.PASS,
            flawed ? "The data directory is not a volume: patient data lands in the unencrypted container layer."
                : "The data directory is a volume on an fscrypt-encrypted ext4 file system.",
            null, evidence, at, Duration.ofMillis(640));
    }
}
