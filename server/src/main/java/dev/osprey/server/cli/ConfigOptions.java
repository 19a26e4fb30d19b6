package dev.osprey.server.cli;

import dev.osprey.server.config.ConfigError;
import dev.osprey.server.config.ConfigException;
import dev.osprey.server.config.ConfigLoader;
import dev.osprey.server.config.OspreyConfig;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --config FILE} and {@code --dev}, shared by the commands that need a configuration. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file.")
    Path file;

    @Option(names = "--dev", description = "Development defaults: keys devkey/secret, loopback, SQLite under data/.")
    boolean dev;

    OspreyConfig load() throws ConfigException {
        return new ConfigLoader().load(file, dev, System.getenv());
    }

    static void printErrors(PrintWriter err, String source, ConfigException e) {
        err.println("osprey: invalid configuration" + (source == null ? "" : " in " + source) + ":");
        for (ConfigError error : e.errors()) {
            err.println("  " + error.key() + ": " + error.message());
        }
        err.flush();
    }
}
