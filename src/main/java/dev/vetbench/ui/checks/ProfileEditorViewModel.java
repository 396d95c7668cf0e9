package dev.vetbench.ui.checks;

import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.EnvSwitch;
import dev.vetbench.docker.Readiness;
import dev.vetbench.docker.TargetProfile;
import dev.vetbench.docker.VolumeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The profile editor's state for one image version: every field as the text the assessor types, one error
 * sentence per field, and {@link #build()} which turns valid text into a {@link TargetProfile}. Invalid text stays
 * as typed. Usable without the FX toolkit.
 */
public final class ProfileEditorViewModel {

    /** The fields of the editor, each with its own error sentence. */
    public enum Field { ENVIRONMENT, COMMAND, PORTS, VOLUMES, DATA_DIRECTORIES, READINESS_PORT, READINESS_LOG,
        DEADLINE }

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TargetProfile start;
    private final String profileName;
    private final StringProperty environment = new SimpleStringProperty();
    private final StringProperty command = new SimpleStringProperty();
    private final StringProperty ports = new SimpleStringProperty();
    private final StringProperty volumes = new SimpleStringProperty();
    private final StringProperty dataDirectories = new SimpleStringProperty();
    private final StringProperty readinessPort = new SimpleStringProperty();
    private final StringProperty readinessLog = new SimpleStringProperty();
    private final StringProperty deadline = new SimpleStringProperty();
    private final BooleanProperty proxyProtocol = new SimpleBooleanProperty();
    private final Map<Field, StringProperty> errors = new LinkedHashMap<>();

    /** Starts from {@code start}; the saved profile is named {@code profileName}. */
    public ProfileEditorViewModel(TargetProfile start, String profileName) {
        this.start = start;
        this.profileName = profileName;
        for (Field field : Field.values()) {
            errors.put(field, new SimpleStringProperty(""));
        }
        environment.set(start.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n")));
        command.set(String.join(" ", start.command()));
        ports.set(start.ports().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        volumes.set(start.volumes().stream().map(ProfileEditorViewModel::volumeText)
            .collect(Collectors.joining("\n")));
        dataDirectories.set(String.join("\n", start.dataDirectories()));
        readinessPort.set(start.readiness().tcpPort() == null ? "" : String.valueOf(start.readiness().tcpPort()));
        readinessLog.set(start.readiness().logPattern() == null ? "" : start.readiness().logPattern());
        deadline.set(String.valueOf(start.deadline().toSeconds()));
        proxyProtocol.set(start.proxyProtocolOn());
    }

    /** Whether the image has a PROXY-protocol switch to turn on or off. */
    public boolean hasProxyProtocolSwitch() {
        return start.proxyProtocolSwitch() != null;
    }

    /** The variable and value of the PROXY-protocol switch, e.g. {@code PROXY_PROTOCOL=on}, or empty. */
    public String proxyProtocolSwitchText() {
        EnvSwitch change = start.proxyProtocolSwitch();
        return change == null ? "" : change.name() + "=" + change.value();
    }

    /**
     * Checks every field; on success the profile, else empty with one sentence on each field that is wrong. The
     * typed text is never changed.
     */
    public Optional<TargetProfile> build() {
        errors.values().forEach(error -> error.set(""));
        Map<String, String> env = parseEnvironment();
        List<Integer> portList = parsePorts();
        List<VolumeSpec> volumeList = parseVolumes();
        List<String> dataList = parseDataDirectories();
        Integer readyPort = parseReadinessPort(portList);
        String readyLog = parseReadinessLog();
        Duration limit = parseDeadline();
        if (errors.values().stream().anyMatch(error -> !error.get().isEmpty())) {
            return Optional.empty();
        }
        applyProxySwitch(env);
        List<String> commandList = words(command.get());
        List<String> init = commandList.equals(start.command()) ? start.initArguments() : List.of();
        return Optional.of(new TargetProfile(profileName, start.description(), env, commandList, init, portList,
            volumeList, new Readiness(readyPort, readyLog), limit, start.proxyProtocolSwitch(), dataList));
    }

    private Map<String, String> parseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines(environment.get())) {
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).trim();
            if (equals < 0 || !VARIABLE.matcher(name).matches()) {
                return fail(Field.ENVIRONMENT, "Write each variable as NAME=value on its own line; '" + line
                    + "' is not.", env);
            }
            env.put(name, line.substring(equals + 1));
        }
        return env;
    }

    private List<Integer> parsePorts() {
        List<Integer> list = new ArrayList<>();
        for (String word : words(ports.get().replace(',', ' '))) {
            Integer port = port(word);
            if (port == null) {
                return fail(Field.PORTS, "Give container ports as numbers from 1 to 65535 separated by commas; '"
                    + word + "' is not one.", list);
            }
            list.add(port);
        }
        return list;
    }

    private List<VolumeSpec> parseVolumes() {
        List<VolumeSpec> list = new ArrayList<>();
        for (String line : lines(volumes.get())) {
            try {
                list.add(VolumeSpec.parse(line));
            } catch (DockerException | IllegalArgumentException e) {
                return fail(Field.VOLUMES, "The volume '" + line + "' is not understood; use none:/path, "
                    + "volume:/path, volume:NAME:/path or bind:/host/dir:/path[:ro].", list);
            }
        }
        return list;
    }

    private List<String> parseDataDirectories() {
        List<String> list = lines(dataDirectories.get());
        for (String path : list) {
            if (!path.startsWith("/")) {
                return fail(Field.DATA_DIRECTORIES, "Give each data directory as an absolute path inside the "
                    + "container, such as /var/db; '" + path + "' is not.", list);
            }
        }
        return list;
    }

    private Integer parseReadinessPort(List<Integer> published) {
        String text = readinessPort.get().trim();
        if (text.isEmpty()) {
            return null;
        }
        Integer port = port(text);
        if (port == null || !published.contains(port)) {
            return fail(Field.READINESS_PORT, "The readiness port must be one of the published ports above, or "
                + "empty to wait for a log line or the container running.", null);
        }
        return port;
    }

    private String parseReadinessLog() {
        String text = readinessLog.get().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            return fail(Field.READINESS_LOG, "The log line is not a valid regular expression: "
                + e.getDescription() + ".", null);
        }
    }

    private Duration parseDeadline() {
        String text = deadline.get().trim();
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1) {
            return fail(Field.DEADLINE, "Give the deadline as a whole number of seconds from 1 to 9999.", null);
        }
        return Duration.ofSeconds(Integer.parseInt(text));
    }

    private void applyProxySwitch(Map<String, String> env) {
        EnvSwitch change = start.proxyProtocolSwitch();
        if (change == null) {
            return;
        }
        if (proxyProtocol.get()) {
            env.put(change.name(), change.value());
        } else if (change.value().equals(env.get(change.name()))) {
            // Back to the built-in "off" value when it had one (PROXY_PROTOCOL=false), else the image's default.
            String off = start.environment().get(change.name());
            if (off == null || off.equals(change.value())) {
                env.remove(change.name());
            } else {
                env.put(change.name(), off);
            }
        }
    }

    private <T> T fail(Field field, String sentence, T value) {
        errors.get(field).set(sentence);
        return value;
    }

    private static Integer port(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return null;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : null;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static String volumeText(VolumeSpec volume) {
        String suffix = volume.readOnly() ? ":ro" : "";
        return switch (volume.kind()) {
            case NONE -> "none:" + volume.containerPath();
            case BIND -> "bind:" + volume.source() + ":" + volume.containerPath() + suffix;
            case NAMED -> "volume:" + (volume.source() == null ? "" : volume.source() + ":")
                + volume.containerPath() + suffix;
        };
    }

    /** One sentence when the field's text is wrong, else empty. */
    public StringProperty errorProperty(Field field) {
        return errors.get(field);
    }

    /** {@code NAME=value}, one per line. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** Arguments to the entrypoint, separated by spaces; empty keeps the image's default. */
    public StringProperty commandProperty() {
        return command;
    }

    /** Container ports published on loopback, separated by commas. */
    public StringProperty portsProperty() {
        return ports;
    }

    /** One volume per line in the command-line form, e.g. {@code volume:/var/db}. */
    public StringProperty volumesProperty() {
        return volumes;
    }

    /** Paths that hold data that must be encrypted at rest, one per line. */
    public StringProperty dataDirectoriesProperty() {
        return dataDirectories;
    }

    public StringProperty readinessPortProperty() {
        return readinessPort;
    }

    public StringProperty readinessLogProperty() {
        return readinessLog;
    }

    /** Seconds the target may take to become ready. */
    public StringProperty deadlineProperty() {
        return deadline;
    }

    public BooleanProperty proxyProtocolProperty() {
        return proxyProtocol;
    }
}
