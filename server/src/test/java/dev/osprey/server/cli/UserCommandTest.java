package dev.osprey.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UserCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void createsTheFirstSuperadminThenRefusesADuplicateAndPromotesAnother() throws Exception {
        Path config = Files.writeString(dir.resolve("osprey.yaml"),
                "database: {path: " + dir.resolve("osprey.db") + "}\n");
        String[] base = {"--dev", "--config", config.toString()};

        assertThat(cli.run(concat(new String[] {"user", "create", "--email", "Admin@Example.org", "--name", "Admin",
                "--password", "correct-horse-battery", "--admin"}, base))).isZero();
        assertThat(cli.out.toString()).contains("created superadmin Admin@Example.org");
        assertThat(Files.exists(dir.resolve("osprey.db"))).isTrue();

        assertThat(cli.run(concat(new String[] {"user", "create", "--email", "admin@example.org", "--name", "Again",
                "--password", "correct-horse-battery"}, base))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("already exists");

        assertThat(cli.run(concat(new String[] {"user", "create", "--email", "bob@example.org", "--name", "Bob",
                "--password", "correct-horse-battery"}, base))).isZero();
        assertThat(cli.run(concat(new String[] {"user", "promote", "--email", "bob@example.org"}, base))).isZero();
        assertThat(cli.run(concat(new String[] {"user", "promote", "--email", "nobody@example.org"}, base)))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shortPasswordIsRefusedWithBedrudsMessage() throws Exception {
        Path config = Files.writeString(dir.resolve("osprey.yaml"),
                "database: {path: " + dir.resolve("osprey.db") + "}\n");
        assertThat(cli.run("user", "create", "--dev", "--config", config.toString(), "--email", "a@example.org",
                "--name", "Ann", "--password", "short")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("Password must be at least 12 characters");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
