package dev.osprey.control.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private static JsonBody parse(String s) {
        return JsonBody.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void rejected(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(ApiException.class).hasMessage("Invalid input")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void readsTypedFields() {
        JsonBody b = parse("{\"s\":\"x\",\"b\":true,\"i\":42,\"o\":{\"k\":false},\"a\":[\"p\",\"q\"],\"n\":null}");
        assertThat(b.string("s")).isEqualTo("x");
        assertThat(b.bool("b")).isTrue();
        assertThat(b.integer("i")).isEqualTo(42);
        assertThat(b.object("o").bool("k")).isFalse();
        assertThat(b.strings("a")).containsExactly("p", "q");
        assertThat(b.string("n")).isNull();
        assertThat(b.string("missing")).isNull();
        assertThat(b.stringOrEmpty("missing")).isEmpty();
    }

    @Test
    void emptyBodyIsAnEmptyObject() {
        assertThat(JsonBody.parse(new byte[0]).fieldNames()).isEmpty();
        assertThat(parse("  \n").fieldNames()).isEmpty();
        assertThat(JsonBody.parse(null).fieldNames()).isEmpty();
    }

    @Test
    void rejectsMalformedAndNonObjectBodies() {
        rejected(() -> parse("{"));
        rejected(() -> parse("[]"));
        rejected(() -> parse("\"text\""));
        rejected(() -> parse("{} {}"));
        rejected(() -> parse("{\"a\":1,\"a\":2}"));
        rejected(() -> parse("[".repeat(100) + "]".repeat(100)));
        rejected(() -> parse("{\"a\":" + "{\"a\":".repeat(70) + "1" + "}".repeat(71)));
        rejected(() -> JsonBody.parse(new byte[]{(byte) 0xff, (byte) 0xfe, 0}));
    }

    @Test
    void rejectsWrongTypes() {
        JsonBody b = parse("{\"s\":1,\"b\":\"yes\",\"i\":1.5,\"big\":99999999999,\"o\":[1],\"a\":[1],\"t\":\"1\"}");
        rejected(() -> b.string("s"));
        rejected(() -> b.bool("b"));
        rejected(() -> b.integer("i"));
        rejected(() -> b.integer("big"));
        rejected(() -> b.integer("t"));
        rejected(() -> b.object("o"));
        rejected(() -> b.strings("a"));
        assertThat(parse("{\"i\":2.0}").integer("i")).isEqualTo(2);
    }
}
