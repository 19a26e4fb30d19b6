package dev.osprey.server.cli;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.UserAdmin;
import dev.osprey.server.ControlApiSettings;
import dev.osprey.server.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code osprey user}: accounts of the Bedrud API, for the first superadmin before any UI exists. */
@Command(name = "user", description = "Manage Bedrud API accounts in the configured database.",
        subcommands = {UserCommand.Create.class, UserCommand.Promote.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "Create a verified local account (--admin: superadmin).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions options = new ConfigOptions();
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--password", required = true, interactive = true, arity = "0..1",
                description = "12-128 characters; prompted for when given without a value")
        String password;
        @Option(names = "--admin", description = "Grant superadmin (the admin API is superadmin-only).")
        boolean admin;

        @Override
        public Integer call() {
            return withSettings(spec, options, settings -> {
                String id = UserAdmin.createUser(settings, email, password, name, admin);
                spec.commandLine().getOut().println("created " + (admin ? "superadmin " : "user ") + email
                        + " (id " + id + ")");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "promote", description = "Grant superadmin to the account with this e-mail.")
    static final class Promote implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions options = new ConfigOptions();
        @Option(names = "--email", required = true)
        String email;

        @Override
        public Integer call() {
            return withSettings(spec, options, settings -> {
                if (!UserAdmin.promote(settings, email)) {
                    spec.commandLine().getErr().println("osprey: no account with e-mail " + email);
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println("promoted " + email + " to superadmin");
                return ExitCodes.OK;
            });
        }
    }

    /** Loads the configuration and runs {@code action}; bad configuration or input become exit statuses. */
    private static int withSettings(CommandSpec spec, ConfigOptions options,
                                    java.util.function.ToIntFunction<ControlApiConfig> action) {
        try {
            return action.applyAsInt(ControlApiSettings.from(options.load()));
        } catch (ConfigException e) {
            ConfigOptions.printErrors(spec.commandLine().getErr(), null, e);
            return ExitCodes.CONFIG;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("osprey: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
