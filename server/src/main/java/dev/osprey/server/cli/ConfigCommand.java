package dev.osprey.server.cli;

import dev.osprey.server.config.ConfigException;
import dev.osprey.server.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "config", description = "Work with configuration files.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Validate FILE (with environment overrides) without starting anything.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "YAML configuration file to check.")
        Path file;

        @Option(names = "--dev", description = "Check on top of the --dev defaults.")
        boolean dev;

        @Override
        public Integer call() {
            try {
                new ConfigLoader().load(file, dev, System.getenv());
                spec.commandLine().getOut().println(file + ": OK");
                return ExitCodes.OK;
            } catch (ConfigException e) {
                ConfigOptions.printErrors(spec.commandLine().getErr(), file.toString(), e);
                return ExitCodes.CONFIG;
            }
        }
    }
}
