package dev.osprey.control.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.osprey.control.ControlApiConfig;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The control API's store: a HikariCP pool over SQLite (default; WAL journal, foreign keys on, one connection as
 * Bedrud runs it, so writers never race for SQLite's lock) or PostgreSQL, with the schema brought up to date by
 * Flyway's versioned migrations under {@code db/migration} (the same scripts for both).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final ControlApiConfig.Database.Type type;

    private Database(HikariDataSource pool, ControlApiConfig.Database.Type type) {
        this.pool = pool;
        this.type = type;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(ControlApiConfig.Database config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setPoolName("osprey-control-db");
        if (config.type() == ControlApiConfig.Database.Type.SQLITE) {
            prepareSqliteDirectory(config);
            hikari.setMaximumPoolSize(1);
            hikari.setConnectionInitSql("PRAGMA foreign_keys = ON");
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("busy_timeout", "5000");
            hikari.addDataSourceProperty("foreign_keys", "true");
        } else {
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
            hikari.setMaximumPoolSize(config.maxPoolSize());
        }
        hikari.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            if (config.type() == ControlApiConfig.Database.Type.SQLITE) {
                enableWal(pool);
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new IllegalStateException("database initialisation failed: " + e.getMessage(), e);
        }
        return new Database(pool, config.type());
    }

    private static void prepareSqliteDirectory(ControlApiConfig.Database config) {
        if (!config.url().isEmpty()) {
            return;
        }
        Path parent = config.path().toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
    }

    private static void enableWal(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public ControlApiConfig.Database.Type type() {
        return type;
    }

    /** True when a connection can be taken and answers a trivial query (readiness probe). */
    public boolean isReachable() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
