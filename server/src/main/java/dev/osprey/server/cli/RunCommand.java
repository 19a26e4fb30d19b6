package dev.osprey.server.cli;

import dev.osprey.server.Listener;
import dev.osprey.server.LogSetup;
import dev.osprey.server.OspreyServer;
import dev.osprey.server.Version;
import dev.osprey.server.config.ConfigException;
import dev.osprey.server.config.DevDefaults;
import dev.osprey.server.config.OspreyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code osprey run}: starts the server and keeps it up until SIGTERM or SIGINT, then shuts down gracefully
 * (stop accepting, close sessions) and exits 0.
 */
@Command(name = "run", description = "Start the server.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OspreyConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            ConfigOptions.printErrors(err, options.file == null ? null : options.file.toString(), e);
            return ExitCodes.CONFIG;
        }
        LogSetup.apply(config.logging());
        long startNanos = System.nanoTime();
        out.println("Osprey " + Version.get() + " starting" + (options.dev ? " in development mode" : "") + "...");
        out.flush();
        ShutdownSignal shutdown = ShutdownSignal.install();
        try (OspreyServer server = new OspreyServer(config)) {
            List<Listener> listeners;
            try {
                listeners = server.start();
            } catch (BindException e) {
                err.println("osprey: cannot listen: " + e.getMessage()
                        + " (another process has the port, or the address is not on this machine)");
                return ExitCodes.UNAVAILABLE;
            } catch (Exception e) {
                err.println("osprey: start-up failed: " + e);
                return ExitCodes.UNAVAILABLE;
            }
            new Banner(out).print(server.transport(), listeners, options.dev ? config : null,
                    (System.nanoTime() - startNanos) / 1_000_000);
            String signal = shutdown.await();
            out.println("Osprey received " + signal + ", shutting down...");
            out.flush();
            shutdown.armWatchdog();
        }
        out.println("Osprey stopped.");
        out.flush();
        return ExitCodes.OK;
    }

    /** Prints what listens where (and the development credentials) once everything is up. */
    private record Banner(PrintWriter out) {
        void print(dev.osprey.server.NettyTransport transport, List<Listener> listeners, OspreyConfig devConfig,
                   long startMillis) {
            out.println("  transport  " + transport.name()
                    + (transport.fallbackReason().isEmpty() ? "" : " (" + transport.fallbackReason() + ")"));
            for (Listener l : listeners) {
                out.printf("  %-10s %-28s %s%n", l.service(), l.endpoint(), l.purpose());
            }
            if (devConfig != null) {
                out.println("  dev credentials: API key " + DevDefaults.API_KEY + ", API secret "
                        + DevDefaults.API_SECRET + " (never use these in production)");
            }
            out.println("Osprey is ready (" + startMillis + " ms). Stop with Ctrl-C or SIGTERM.");
            out.flush();
        }
    }
}
