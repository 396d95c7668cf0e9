package dev.vetbench.cli;

import dev.vetbench.docker.DockerConnection;
import dev.vetbench.docker.DockerException;
import dev.vetbench.docker.EngineInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vetbench info}: which Docker engine Vetbench reaches and what it is. */
@Command(name = "info", description = "Show the Docker engine Vetbench connects to: version, OS, storage driver.")
final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    private VetbenchCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        try (DockerConnection docker = DockerCommandSupport.connect(root)) {
            EngineInfo engine = docker.engine();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("host", docker.host().uri().toString());
                document.put("hostOrigin", docker.host().origin());
                document.put("engine", engine);
                out.println(DockerCommandSupport.json(document));
            } else {
                out.println("Host:             " + docker.host().describe());
                out.println("Engine:           Docker " + engine.engineVersion() + " (API " + engine.apiVersion()
                    + ")");
                out.println("Operating system: " + engine.operatingSystem() + " (" + engine.osType() + "/"
                    + engine.architecture() + ")");
                out.println("Storage driver:   " + engine.storageDriver());
                String cgroup = engine.cgroupVersion().isEmpty() ? "unknown" : engine.cgroupVersion();
                out.println("Cgroup version:   " + cgroup);
            }
            out.flush();
            return VetbenchCommand.OK;
        } catch (DockerException e) {
            return DockerCommandSupport.fail(spec, e);
        }
    }
}
