package dev.osprey.server.cli;

import dev.osprey.server.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "version", description = "Print the version of this build and of the JVM running it.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("osprey " + Version.get() + " (Java " + Runtime.version() + ", "
                + System.getProperty("java.vendor") + ")");
        return ExitCodes.OK;
    }
}
