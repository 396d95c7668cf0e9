package dev.vetbench.ui.host;

import dev.vetbench.ui.common.BackgroundTasks;
import dev.vetbench.ui.common.BackgroundTasks.RunningTask;
import dev.vetbench.ui.common.ErrorReport;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Host screen's state: which engine, whether it answers, and what it said. Usable without the FX toolkit. */
public final class HostViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HostViewModel.class);

    /** Where the connection stands. */
    public enum State { IDLE, CONNECTING, CONNECTED, FAILED }

    private final EngineConnector connector;
    private final BackgroundTasks tasks;
    private final Consumer<String> rememberHost;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<EngineSummary> engine = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected.");
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<Path> tlsDirectory = new SimpleObjectProperty<>();
    private final ObservableList<String> recentHosts = FXCollections.observableArrayList();
    private final ObservableList<HostContext> contexts = FXCollections.observableArrayList();
    private RunningTask running;

    public HostViewModel(EngineConnector connector, BackgroundTasks tasks, List<String> recent,
            Consumer<String> rememberHost) {
        this.connector = connector;
        this.tasks = tasks;
        this.rememberHost = rememberHost;
        recentHosts.setAll(recent);
    }

    /** Connects to the default engine (DOCKER_HOST, Docker context, local socket); called at start. */
    public void connectDefault() {
        refreshContexts();
        tasks.create(connector::defaultHost)
            .onSuccess(this::connect)
            .onError(e -> fail(ErrorReport.of("Vetbench could not work out which Docker engine to use. "
                + "Enter a host below.", e)))
            .start();
    }

    /** Connects to the address and TLS directory entered on the screen. */
    public void connectEntered() {
        String uri = address.get() == null ? "" : address.get().strip();
        if (uri.isEmpty()) {
            fail(ErrorReport.of("Enter a Docker host, e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2376.",
                null));
            return;
        }
        connect(HostSpec.entered(uri, tlsDirectory.get()));
    }

    /** Reads the Docker contexts again, e.g. after the assessor created one with the docker CLI. */
    public void refreshContexts() {
        tasks.create(connector::contexts)
            .onSuccess(contexts::setAll)
            .onError(e -> LOG.warn("Reading the Docker contexts failed", e))
            .start();
    }

    /** Connects to the engine a Docker context names, with its TLS material if it has any. */
    public void connect(HostContext context) {
        LOG.info("Using Docker context {}", context.name());
        connect(context.host());
    }

    public void connect(HostSpec host) {
        cancel();
        address.set(host.uri());
        tlsDirectory.set(host.tlsCertDirectory());
        engine.set(null);
        error.set(null);
        state.set(State.CONNECTING);
        status.set("Connecting to " + host.uri() + " …");
        running = tasks.create(() -> connector.connect(host))
            .onSuccess(this::connected)
            .onError(this::failed)
            .start();
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (state.get() == State.CONNECTING) {
            state.set(State.IDLE);
            status.set("Connection cancelled. Enter a host below or connect again.");
        }
    }

    private void connected(EngineSummary summary) {
        LOG.info("Connected to Docker {} at {}", summary.version(), summary.host().uri());
        engine.set(summary);
        state.set(State.CONNECTED);
        status.set(connectedSentence(summary));
        recentHosts.remove(summary.host().uri());
        recentHosts.add(0, summary.host().uri());
        rememberHost.accept(summary.host().uri());
    }

    private void failed(Throwable e) {
        if (e instanceof EngineUnavailableException unavailable) {
            LOG.info("No engine: {}", unavailable.getMessage());
            fail(ErrorReport.of(unavailable.getMessage(), unavailable.getCause()));
        } else {
            LOG.error("Connecting to the Docker engine failed", e);
            fail(ErrorReport.of("Connecting to the Docker engine failed unexpectedly. "
                + "Try again, or copy the details into a bug report.", e));
        }
    }

    private void fail(ErrorReport report) {
        engine.set(null);
        error.set(report);
        state.set(State.FAILED);
        status.set("Not connected to a Docker engine.");
    }

    private static String connectedSentence(EngineSummary summary) {
        return "Connected to Docker Engine " + summary.version() + " at " + summary.host().uri() + ".";
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EngineSummary> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ObjectProperty<Path> tlsDirectoryProperty() {
        return tlsDirectory;
    }

    public ObservableList<String> recentHosts() {
        return recentHosts;
    }

    /** The Docker CLI contexts, the built-in {@code default} first. */
    public ObservableList<HostContext> contexts() {
        return contexts;
    }

    public BooleanBinding connecting() {
        return Bindings.equal(state, State.CONNECTING);
    }
}
