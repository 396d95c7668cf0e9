package dev.vetbench.ui.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;

/** The steps of an assessment, in the order the sidebar shows them. */
public enum Step {
    HOST("Host", "Docker engine", Material2AL.DNS),
    VERSIONS("Versions", "Images in scope", Material2AL.LAYERS),
    CHECKS("Checks", "Versions × checks", Material2AL.FACT_CHECK),
    FINDINGS("Findings", "Evidence and waivers", Material2AL.FLAG),
    REPORT("Report", "Sign and export", Material2AL.DESCRIPTION);

    private final String title;
    private final String subtitle;
    private final Ikon icon;

    Step(String title, String subtitle, Ikon icon) {
        this.title = title;
        this.subtitle = subtitle;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public Ikon icon() {
        return icon;
    }

    /** The digit of its Ctrl+digit accelerator. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** Reads a step from a name such as "checks"; unknown names give the Host step. */
    public static Step parse(String name) {
        for (Step step : values()) {
            if (step.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return step;
            }
        }
        return HOST;
    }
}
