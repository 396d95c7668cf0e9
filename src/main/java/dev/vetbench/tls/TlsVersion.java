package dev.vetbench.tls;

import java.util.Optional;

/** The TLS versions Vetbench probes, with their wire values (RFC 2246, 4346, 5246, 8446). */
public enum TlsVersion {
    TLS_1_0(0x0301, "TLSv1.0"),
    TLS_1_1(0x0302, "TLSv1.1"),
    TLS_1_2(0x0303, "TLSv1.2"),
    TLS_1_3(0x0304, "TLSv1.3");

    private final int wire;
    private final String label;

    TlsVersion(int wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** The two-byte value in records and hellos. */
    public int wire() {
        return wire;
    }

    /** The usual name, e.g. {@code TLSv1.2}. */
    public String label() {
        return label;
    }

    /** The version just below this one, if any. */
    public Optional<TlsVersion> lower() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The version with this wire value, if Vetbench knows it. */
    public static Optional<TlsVersion> fromWire(int wire) {
        for (TlsVersion version : values()) {
            if (version.wire == wire) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** A label for any wire value, including ones Vetbench does not probe (e.g. {@code 0x0300}). */
    public static String describe(int wire) {
        return fromWire(wire).map(TlsVersion::label).orElse(String.format("0x%04x", wire));
    }
}
