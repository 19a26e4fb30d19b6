package dev.osprey.control.db;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause assembled from validated filter parameters; values always travel as bind parameters. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public SqlFilter and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Object[] params() {
        return params.toArray();
    }
}
