package dev.vetbench.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer needs to re-read a verdict: facts as ordered key/value pairs (version, cipher, bytes sent and
 * returned, timings, the target's configuration) and free-form transcript lines (what was sent, what came back).
 *
 * <p>Evidence never holds secrets or leaked server memory: record lengths and digests instead.
 */
public record Evidence(Map<String, String> facts, List<String> transcript) {

    public Evidence {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        transcript = List.copyOf(transcript);
    }

    public static Evidence empty() {
        return new Evidence(Map.of(), List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects evidence while a check runs; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> facts = new LinkedHashMap<>();
        private final List<String> transcript = new ArrayList<>();

        public Builder fact(String key, Object value) {
            facts.put(key, String.valueOf(value));
            return this;
        }

        public Builder line(String line) {
            transcript.add(line);
            return this;
        }

        public Builder addAll(Evidence other) {
            facts.putAll(other.facts());
            transcript.addAll(other.transcript());
            return this;
        }

        public Evidence build() {
            return new Evidence(facts, transcript);
        }
    }
}
