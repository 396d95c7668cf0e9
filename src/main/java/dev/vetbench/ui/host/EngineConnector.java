package dev.vetbench.ui.host;

import java.util.List;

/**
 * What the Host screen needs from the Docker engine layer. The application wiring implements it over the
 * {@code docker} package; calls block and never run on the FX thread.
 */
public interface EngineConnector {

    /** The host to try first: DOCKER_HOST, else the current Docker context, else the local socket. */
    HostSpec defaultHost();

    /**
     * The Docker CLI contexts of this user, the built-in {@code default} first. Reading them never fails: an
     * unreadable context is left out.
     */
    default List<HostContext> contexts() {
        return List.of();
    }

    /**
     * Connects and reads what the engine says about itself.
     *
     * @throws EngineUnavailableException with one sentence for the user when no engine answers there
     */
    EngineSummary connect(HostSpec host) throws EngineUnavailableException;
}
