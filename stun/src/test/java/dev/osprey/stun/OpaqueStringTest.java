package dev.osprey.stun;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8265 §4.2 OpaqueString as applied to STUN passwords and realms. */
class OpaqueStringTest {

    @Test
    void iceAndBase64PasswordsAreUnchanged() {
        assertThat(OpaqueString.prepare("VOkJxbRl1RmTxUk/WvJxBt")).isEqualTo("VOkJxbRl1RmTxUk/WvJxBt");
        assertThat(OpaqueString.prepare("Zm9vYmFy+/==")).isEqualTo("Zm9vYmFy+/==");
        assertThat(OpaqueString.prepare("TheMatrIX")).isEqualTo("TheMatrIX");
    }

    @Test
    void nonAsciiSpacesBecomeSpacesAndTextIsNfc() {
        assertThat(OpaqueString.prepare("a\u00A0b\u3000c")).isEqualTo("a b c");
        assertThat(OpaqueString.prepare("e\u0301")).isEqualTo("\u00E9");
    }

    @Test
    void controlsAndEmptyAreRefused() {
        assertThatThrownBy(() -> OpaqueString.prepare("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpaqueString.prepare("pass\tword")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpaqueString.prepare("\u0000")).isInstanceOf(IllegalArgumentException.class);
    }
}
