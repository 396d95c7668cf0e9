package dev.vetbench.checks;

import dev.vetbench.checks.fallback.FallbackScsvCheck;
import dev.vetbench.checks.heartbleed.HeartbleedCheck;
import dev.vetbench.checks.proxy.ProxyProtocolCheck;
import dev.vetbench.checks.volumes.VolumeEncryptionCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one explicit list of checks Vetbench offers, in the order reports show them. A check that is not listed here
 * does not exist for the CLI, the window or the report.
 */
public final class CheckRegistry {

    private final Map<String, Check> checks;

    /** A registry of exactly these checks, in this order; ids must be unique. */
    public CheckRegistry(List<Check> checks) {
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : checks) {
            if (byId.putIfAbsent(check.id(), check) != null) {
                throw new IllegalArgumentException("two checks share the id " + check.id());
            }
        }
        this.checks = Collections.unmodifiableMap(byId);
    }

    /** The checks Vetbench ships. */
    public static CheckRegistry standard() {
        return new CheckRegistry(List.of(new HeartbleedCheck(), new FallbackScsvCheck(), new ProxyProtocolCheck(),
            new VolumeEncryptionCheck()));
    }

    /** Every check, in report order. */
    public List<Check> all() {
        return new ArrayList<>(checks.values());
    }

    /** The check with this id, if there is one. */
    public Optional<Check> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** The ids of every check, in report order. */
    public List<String> ids() {
        return List.copyOf(checks.keySet());
    }
}
