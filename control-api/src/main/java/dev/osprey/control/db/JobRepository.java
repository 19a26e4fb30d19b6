package dev.osprey.control.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code jobs}. Claiming is a conditional update ({@code WHERE status = 'pending'}), so a job runs at
 * most once per attempt even if several workers share the database.
 */
public final class JobRepository {

    private static final String COLUMNS = "id, type, payload, status, attempts, max_attempts, last_error, run_at,"
            + " created_at, updated_at";
    /** Longest error text kept (the column's size). */
    static final int MAX_ERROR_CHARS = 1024;

    private final Sql sql;

    public JobRepository(Sql sql) {
        this.sql = sql;
    }

    private static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("type"), rs.getString("payload"),
                Job.Status.of(rs.getString("status")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getString("last_error"), rs.getLong("run_at"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    public void insert(Job j) {
        sql.update("INSERT INTO jobs (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)", j.id(), j.type(), j.payload(),
                j.status().column(), j.attempts(), j.maxAttempts(), j.lastError(), j.runAt(), j.createdAt(),
                j.updatedAt());
    }

    public Optional<Job> findById(String id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JobRepository::map, id);
    }

    /** Claims the oldest due pending job (status active, one more attempt), if any. */
    public Optional<Job> claimNext(long now) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<Job> due = sql.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE status = ? AND run_at <= ?"
                    + " ORDER BY run_at, created_at LIMIT 1", JobRepository::map, Job.Status.PENDING.column(), now);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Job j = due.get();
            int claimed = sql.update("UPDATE jobs SET status = ?, attempts = ?, updated_at = ? WHERE id = ?"
                    + " AND status = ?", Job.Status.ACTIVE.column(), j.attempts() + 1, now, j.id(),
                    Job.Status.PENDING.column());
            if (claimed == 1) {
                return findById(j.id());
            }
        }
        return Optional.empty();
    }

    /** Marks a job done; its payload is dropped (an e-mail job's carries a bearer link). */
    public void complete(String id, long now) {
        sql.update("UPDATE jobs SET status = ?, payload = ?, last_error = ?, updated_at = ? WHERE id = ?",
                Job.Status.DONE.column(), "{}", "", now, id);
    }

    /** Records a failed attempt: back to pending at {@code retryAt}, or failed for good when that is null. */
    public void fail(String id, String error, Long retryAt, long now) {
        String text = error == null ? "" : error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS)
                : error;
        if (retryAt == null) {
            sql.update("UPDATE jobs SET status = ?, last_error = ?, updated_at = ? WHERE id = ?",
                    Job.Status.FAILED.column(), text, now, id);
        } else {
            sql.update("UPDATE jobs SET status = ?, last_error = ?, run_at = ?, updated_at = ? WHERE id = ?",
                    Job.Status.PENDING.column(), text, retryAt, now, id);
        }
    }

    /** Jobs a stopped process left claimed go back to the queue (their attempt is spent). */
    public int requeueAbandoned(long now) {
        return sql.update("UPDATE jobs SET status = ?, updated_at = ? WHERE status = ?", Job.Status.PENDING.column(),
                now, Job.Status.ACTIVE.column());
    }

    public long count(Job.Status status) {
        return sql.queryLong("SELECT COUNT(*) FROM jobs WHERE status = ?", status.column());
    }

    /** Jobs of {@code type} (any type when null) in {@code status} last updated after {@code since}. */
    public long countSince(Job.Status status, String type, long since) {
        if (type == null) {
            return sql.queryLong("SELECT COUNT(*) FROM jobs WHERE status = ? AND updated_at > ?", status.column(),
                    since);
        }
        return sql.queryLong("SELECT COUNT(*) FROM jobs WHERE status = ? AND type = ? AND updated_at > ?",
                status.column(), type, since);
    }

    public long countPending(String type) {
        return sql.queryLong("SELECT COUNT(*) FROM jobs WHERE status = ? AND type = ?", Job.Status.PENDING.column(),
                type);
    }

    public long countAll() {
        return sql.queryLong("SELECT COUNT(*) FROM jobs");
    }

    public Optional<Long> oldestPendingRunAt() {
        return sql.queryOne("SELECT MIN(run_at) FROM jobs WHERE status = ?", rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? -1L : v;
        }, Job.Status.PENDING.column()).filter(v -> v >= 0);
    }

    /** The most recently failed jobs (of {@code type}, or any when null), newest first. */
    public List<Job> recentFailures(String type, int limit) {
        if (type == null) {
            return sql.query("SELECT " + COLUMNS + " FROM jobs WHERE status = ? ORDER BY updated_at DESC LIMIT "
                    + limit, JobRepository::map, Job.Status.FAILED.column());
        }
        return sql.query("SELECT " + COLUMNS + " FROM jobs WHERE status = ? AND type = ? ORDER BY updated_at DESC"
                + " LIMIT " + limit, JobRepository::map, Job.Status.FAILED.column(), type);
    }

    /** Deletes finished jobs (done or failed) last updated before {@code before}. */
    public int pruneFinished(long before) {
        return sql.update("DELETE FROM jobs WHERE status IN (?, ?) AND updated_at < ?", Job.Status.DONE.column(),
                Job.Status.FAILED.column(), before);
    }
}
