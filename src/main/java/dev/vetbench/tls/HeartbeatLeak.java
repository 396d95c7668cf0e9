package dev.vetbench.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a heartbeat reply returned beyond what was sent: its length and SHA-256, never the bytes themselves (they may
 * be patient data). A masked excerpt, which keeps only the shape of the bytes, exists only when the caller asked.
 *
 * @param length how many bytes came back that were never sent
 * @param sha256 hex SHA-256 of those bytes, so two runs can be compared without keeping them
 * @param maskedExcerpt letters as {@code a}, digits as {@code 9}, anything else as {@code .}; null unless asked for
 */
public record HeartbeatLeak(int length, String sha256, String maskedExcerpt) {

    /** How many leaked bytes a masked excerpt shows at most. */
    public static final int EXCERPT_LENGTH = 64;

    /**
     * Measures the leak in {@code bytes[offset, offset + length)} and then overwrites those bytes with zeros, so
     * that no copy of the server's memory outlives this call.
     */
    public static HeartbeatLeak measureAndErase(byte[] bytes, int offset, int length, boolean maskedExcerpt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            String hash = HexFormat.of().formatHex(digest.digest());
            String excerpt = maskedExcerpt ? mask(bytes, offset, Math.min(length, EXCERPT_LENGTH)) : null;
            return new HeartbeatLeak(length, hash, excerpt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            Arrays.fill(bytes, offset, offset + length, (byte) 0);
        }
    }

    private static String mask(byte[] bytes, int offset, int length) {
        StringBuilder masked = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (c < 0x80 && Character.isLetter(c)) {
                masked.append('a');
            } else if (c >= '0' && c <= '9') {
                masked.append('9');
            } else {
                masked.append('.');
            }
        }
        return masked.toString();
    }
}
