package dev.osprey.turn.auth;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

class Base62Test {

    /** Vectors computed with a transliteration of github.com/jxskiss/base62 (the package LiveKit uses). */
    @Test
    void matchesTheGoPackagesOutput() throws Exception {
        assertThat(Base62.encode(new byte[0])).isEmpty();
        assertThat(Base62.encode(new byte[]{0})).isEqualTo("AA");
        assertThat(Base62.encode(new byte[]{(byte) 0xFF})).isEqualTo("fH");
        assertThat(Base62.encode(new byte[]{(byte) 0xFF, (byte) 0xFF})).isEqualTo("fffB");
        assertThat(Base62.encode(ascii("hello"))).isEqualTo("vxGblhG");
        assertThat(Base62.encode(ascii("APIkey|PA_abc123|1700000000")))
                .isEqualTo("wADMwADMwAzNxw3MyEzYiF2XBBFfyrs1SCqgA");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ascii("secret|PA_abc123|1700000000"));
        assertThat(Base62.encode(digest)).isEqualTo("N0ST6HHyheJ52p64FKWHVhLLy0LTMBeCJBLr8FER3ce");
    }

    @Test
    void decodesTheVectorsBack() {
        assertThat(Base62.decode("vxGblhG")).hasValueSatisfying(b -> assertThat(b).isEqualTo(ascii("hello")));
        assertThat(Base62.decode("fffB")).hasValueSatisfying(
                b -> assertThat(b).isEqualTo(new byte[]{(byte) 0xFF, (byte) 0xFF}));
        assertThat(Base62.decode("")).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertThat(Base62.decode("abc+")).isEmpty();
        assertThat(Base62.decode("ab=")).isEmpty();
        assertThat(Base62.decode("é")).isEmpty();
        assertThat(Base62.decode("\u0000")).isEmpty();
    }

    @Property(tries = 300)
    void roundTrips(@ForAll @Size(max = 80) byte[] bytes) {
        assertThat(Base62.decode(Base62.encode(bytes))).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    }

    @Property(tries = 300)
    void decodingAnyAlphabetTextNeverThrows(@ForAll("alphabetText") String text) {
        assertThat(Base62.decode(text)).isPresent();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> alphabetText() {
        return net.jqwik.api.Arbitraries.strings().alpha().numeric().ofMaxLength(60);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
