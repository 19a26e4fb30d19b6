package dev.osprey.control.http;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Fuzzes request-body decoding: whatever the bytes, parsing and every typed accessor either succeed or throw
 * {@link ApiException} with status 400 — never another exception. The checked-in corpus runs in every build.
 */
class JsonBodyFuzzTest {

    private static final List<String> FIELDS = List.of("email", "name", "settings", "ids", "maxParticipants",
            "isPublic", "");

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        JsonBody body;
        try {
            body = JsonBody.parse(data);
        } catch (ApiException e) {
            check(e);
            return;
        }
        for (String field : FIELDS) {
            exercise(body, field);
            try {
                JsonBody nested = body.object(field);
                if (nested != null) {
                    exercise(nested, field);
                }
            } catch (ApiException e) {
                check(e);
            }
        }
        body.fieldNames();
    }

    private static void exercise(JsonBody body, String field) {
        Runnable[] reads = {
                () -> body.string(field), () -> body.bool(field), () -> body.integer(field),
                () -> body.strings(field), () -> body.node(field), () -> body.has(field)
        };
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (ApiException e) {
                check(e);
            }
        }
    }

    private static void check(ApiException e) {
        if (e.status() != 400 || !JsonBody.INVALID_INPUT.equals(e.getMessage())) {
            throw new AssertionError("unexpected rejection " + e.status() + " " + e.getMessage());
        }
    }
}
