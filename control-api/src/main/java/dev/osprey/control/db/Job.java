package dev.osprey.control.db;

/**
 * A row of {@code jobs}: one unit of background work ({@code type} names its handler, {@code payload} is its JSON
 * argument), run at or after {@code runAt}, retried until {@code maxAttempts}.
 */
public record Job(String id, String type, String payload, Status status, int attempts, int maxAttempts,
                  String lastError, long runAt, long createdAt, long updatedAt) {

    /** A job's life: waiting, claimed by the worker, finished, or given up on. */
    public enum Status {
        PENDING, ACTIVE, DONE, FAILED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
