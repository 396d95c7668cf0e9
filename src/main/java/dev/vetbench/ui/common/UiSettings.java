package dev.vetbench.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * What the window remembers between runs: theme, size and place, the hosts used recently.
 *
 * @param dark whether the dark theme is on
 * @param window the last size and place of the window, or null the first time
 * @param recentHosts the hosts connected to, most recent first
 */
public record UiSettings(boolean dark, WindowPlacement window, List<String> recentHosts) {

    public static final int MAX_RECENT_HOSTS = 8;

    public UiSettings {
        recentHosts = recentHosts == null ? List.of() : List.copyOf(recentHosts);
    }

    public static UiSettings defaults() {
        return new UiSettings(false, null, List.of());
    }

    public UiSettings withDark(boolean value) {
        return new UiSettings(value, window, recentHosts);
    }

    public UiSettings withWindow(WindowPlacement value) {
        return new UiSettings(dark, value, recentHosts);
    }

    /** Puts the host first, without duplicates, keeping at most {@link #MAX_RECENT_HOSTS}. */
    public UiSettings withRecentHost(String host) {
        List<String> hosts = new ArrayList<>(recentHosts);
        hosts.remove(host);
        hosts.add(0, host);
        return new UiSettings(dark, window, hosts.subList(0, Math.min(hosts.size(), MAX_RECENT_HOSTS)));
    }

    /** The window's bounds in screen coordinates. */
    public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    }
}
