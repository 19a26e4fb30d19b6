package dev.osprey.server.cli;

import dev.osprey.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code osprey}: the entry point of the distribution jar (and of the {@code ./osprey} launcher). */
@Command(name = "osprey", mixinStandardHelpOptions = true, versionProvider = OspreyCommand.VersionProvider.class,
        description = "Osprey: a pure-JVM WebRTC media server (SFU, TURN, LiveKit-compatible signaling, Bedrud API).",
        subcommands = {RunCommand.class, ConfigCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class OspreyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new OspreyCommand())
                .setExitCodeExceptionMapper(e -> ExitCodes.SOFTWARE)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"osprey " + Version.get()};
        }
    }
}
