package dev.osprey.control.db;

import java.sql.SQLException;

/** A database failure; the HTTP layer answers it with 500 and logs the cause. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a unique-constraint violation (SQLite code 19/2067, PostgreSQL 23505). */
    public boolean isUniqueViolation() {
        SQLException e = (SQLException) getCause();
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        return "23505".equals(state) || message.contains("UNIQUE constraint failed");
    }
}
