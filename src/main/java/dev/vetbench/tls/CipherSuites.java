package dev.vetbench.tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cipher suites the probes offer, strongest first, and their IANA names for evidence. The list is deliberately
 * broad (CBC, 3DES, RC4, static RSA): a probe must reach servers that an ordinary client would refuse.
 */
public final class CipherSuites {

    /** RFC 7507 section 6. */
    public static final int TLS_FALLBACK_SCSV = 0x5600;
    /** RFC 5746 section 3.3. */
    public static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

    private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

    static {
        add(0x1301, "TLS_AES_128_GCM_SHA256");
        add(0x1302, "TLS_AES_256_GCM_SHA384");
        add(0x1303, "TLS_CHACHA20_POLY1305_SHA256");
        add(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        add(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        add(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        add(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        add(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        add(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        add(0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        add(0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        add(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
        add(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        add(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        add(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        add(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        add(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        add(0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
        add(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        add(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        add(0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
        add(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
        add(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        add(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
        add(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
        add(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA");
        add(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA");
        add(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA");
        add(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        add(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        add(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        add(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256");
        add(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        add(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA");
        add(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
        add(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA");
        add(0x0096, "TLS_RSA_WITH_SEED_CBC_SHA");
        add(0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
        add(0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
        add(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
        add(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA");
        add(0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        add(0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA");
        add(0x0005, "TLS_RSA_WITH_RC4_128_SHA");
        add(0x0004, "TLS_RSA_WITH_RC4_128_MD5");
        add(0x0009, "TLS_RSA_WITH_DES_CBC_SHA");
    }

    private CipherSuites() {
    }

    private static void add(int id, String name) {
        NAMES.put(id, name);
    }

    /** Every suite for TLS 1.0 to 1.2 the probes offer, strongest first (TLS 1.3 suites excluded). */
    public static List<Integer> legacy() {
        return NAMES.keySet().stream().filter(id -> (id & 0xff00) != 0x1300).toList();
    }

    /** Every suite, TLS 1.3 ones included. */
    public static List<Integer> all() {
        return List.copyOf(NAMES.keySet());
    }

    /** E.g. {@code 0xc02f TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}. */
    public static String describe(int id) {
        return String.format("0x%04x %s", id, NAMES.getOrDefault(id, "(unknown suite)"));
    }
}
