package dev.vetbench.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VetbenchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"vetbench " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
