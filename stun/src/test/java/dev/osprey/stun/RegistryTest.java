package dev.osprey.stun;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open enums carry the IANA registry values and keep codes they do not know. */
class RegistryTest {

    @Test
    void methodsAreTheIanaValues() {
        assertThat(StunMethod.BINDING.code()).isEqualTo(0x001);
        assertThat(StunMethod.ALLOCATE.code()).isEqualTo(0x003);
        assertThat(StunMethod.REFRESH.code()).isEqualTo(0x004);
        assertThat(StunMethod.SEND.code()).isEqualTo(0x006);
        assertThat(StunMethod.DATA.code()).isEqualTo(0x007);
        assertThat(StunMethod.CREATE_PERMISSION.code()).isEqualTo(0x008);
        assertThat(StunMethod.CHANNEL_BIND.code()).isEqualTo(0x009);
        assertThat(StunMethod.CONNECT.code()).isEqualTo(0x00A);
        assertThat(StunMethod.CONNECTION_BIND.code()).isEqualTo(0x00B);
        assertThat(StunMethod.CONNECTION_ATTEMPT.code()).isEqualTo(0x00C);
        assertThat(StunMethod.GOOG_PING.code()).isEqualTo(0x080);
        assertThat(StunMethod.registered()).hasSize(11);
        assertThat(StunMethod.valueOf(0x001)).isSameAs(StunMethod.BINDING);
    }

    /** RFC 8489 §5 figure 3 and the well-known message type values of RFC 8489/8656. */
    @Test
    void messageTypesInterleaveClassBits() {
        assertThat(StunMethod.BINDING.messageType(StunClass.REQUEST)).isEqualTo(0x0001);
        assertThat(StunMethod.BINDING.messageType(StunClass.INDICATION)).isEqualTo(0x0011);
        assertThat(StunMethod.BINDING.messageType(StunClass.SUCCESS_RESPONSE)).isEqualTo(0x0101);
        assertThat(StunMethod.BINDING.messageType(StunClass.ERROR_RESPONSE)).isEqualTo(0x0111);
        assertThat(StunMethod.ALLOCATE.messageType(StunClass.ERROR_RESPONSE)).isEqualTo(0x0113);
        assertThat(StunMethod.SEND.messageType(StunClass.INDICATION)).isEqualTo(0x0016);
        assertThat(StunMethod.DATA.messageType(StunClass.INDICATION)).isEqualTo(0x0017);
        assertThat(StunMethod.GOOG_PING.messageType(StunClass.REQUEST)).isEqualTo(0x0200);
        for (int code = 0; code <= StunMethod.MAX_CODE; code++) {
            for (StunClass c : StunClass.values()) {
                int type = StunMethod.valueOf(code).messageType(c);
                assertThat(type).isBetween(0, 0x3FFF);
                assertThat(StunMethod.codeOfMessageType(type)).isEqualTo(code);
                assertThat(StunClass.ofMessageType(type)).isEqualTo(c);
            }
        }
    }

    @Test
    void unknownMethodKeepsItsCode() {
        StunMethod m = StunMethod.valueOf(0x123);
        assertThat(m.isRegistered()).isFalse();
        assertThat(m.code()).isEqualTo(0x123);
        assertThat(m).isEqualTo(StunMethod.valueOf(0x123));
        assertThatThrownBy(() -> StunMethod.valueOf(0x1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributeTypesAreTheIanaValues() {
        assertThat(StunAttributeType.MAPPED_ADDRESS.code()).isEqualTo(0x0001);
        assertThat(StunAttributeType.USERNAME.code()).isEqualTo(0x0006);
        assertThat(StunAttributeType.MESSAGE_INTEGRITY.code()).isEqualTo(0x0008);
        assertThat(StunAttributeType.ERROR_CODE.code()).isEqualTo(0x0009);
        assertThat(StunAttributeType.UNKNOWN_ATTRIBUTES.code()).isEqualTo(0x000A);
        assertThat(StunAttributeType.CHANNEL_NUMBER.code()).isEqualTo(0x000C);
        assertThat(StunAttributeType.LIFETIME.code()).isEqualTo(0x000D);
        assertThat(StunAttributeType.XOR_PEER_ADDRESS.code()).isEqualTo(0x0012);
        assertThat(StunAttributeType.DATA.code()).isEqualTo(0x0013);
        assertThat(StunAttributeType.REALM.code()).isEqualTo(0x0014);
        assertThat(StunAttributeType.NONCE.code()).isEqualTo(0x0015);
        assertThat(StunAttributeType.XOR_RELAYED_ADDRESS.code()).isEqualTo(0x0016);
        assertThat(StunAttributeType.REQUESTED_ADDRESS_FAMILY.code()).isEqualTo(0x0017);
        assertThat(StunAttributeType.EVEN_PORT.code()).isEqualTo(0x0018);
        assertThat(StunAttributeType.REQUESTED_TRANSPORT.code()).isEqualTo(0x0019);
        assertThat(StunAttributeType.DONT_FRAGMENT.code()).isEqualTo(0x001A);
        assertThat(StunAttributeType.MESSAGE_INTEGRITY_SHA256.code()).isEqualTo(0x001C);
        assertThat(StunAttributeType.PASSWORD_ALGORITHM.code()).isEqualTo(0x001D);
        assertThat(StunAttributeType.USERHASH.code()).isEqualTo(0x001E);
        assertThat(StunAttributeType.XOR_MAPPED_ADDRESS.code()).isEqualTo(0x0020);
        assertThat(StunAttributeType.RESERVATION_TOKEN.code()).isEqualTo(0x0022);
        assertThat(StunAttributeType.PRIORITY.code()).isEqualTo(0x0024);
        assertThat(StunAttributeType.USE_CANDIDATE.code()).isEqualTo(0x0025);
        assertThat(StunAttributeType.CONNECTION_ID.code()).isEqualTo(0x002A);
        assertThat(StunAttributeType.ADDITIONAL_ADDRESS_FAMILY.code()).isEqualTo(0x8000);
        assertThat(StunAttributeType.ADDRESS_ERROR_CODE.code()).isEqualTo(0x8001);
        assertThat(StunAttributeType.PASSWORD_ALGORITHMS.code()).isEqualTo(0x8002);
        assertThat(StunAttributeType.ALTERNATE_DOMAIN.code()).isEqualTo(0x8003);
        assertThat(StunAttributeType.ICMP.code()).isEqualTo(0x8004);
        assertThat(StunAttributeType.SOFTWARE.code()).isEqualTo(0x8022);
        assertThat(StunAttributeType.ALTERNATE_SERVER.code()).isEqualTo(0x8023);
        assertThat(StunAttributeType.FINGERPRINT.code()).isEqualTo(0x8028);
        assertThat(StunAttributeType.ICE_CONTROLLED.code()).isEqualTo(0x8029);
        assertThat(StunAttributeType.ICE_CONTROLLING.code()).isEqualTo(0x802A);
        assertThat(StunAttributeType.USERNAME.isComprehensionRequired()).isTrue();
        assertThat(StunAttributeType.SOFTWARE.isComprehensionRequired()).isFalse();
        assertThat(StunAttributeType.valueOf(0x7FFF).isComprehensionRequired()).isTrue();
        assertThat(StunAttributeType.valueOf(0x8000).isComprehensionRequired()).isFalse();
    }

    @Test
    void unknownAttributeTypeKeepsItsCode() {
        StunAttributeType t = StunAttributeType.valueOf(0x7ABC);
        assertThat(t.isRegistered()).isFalse();
        assertThat(t.code()).isEqualTo(0x7ABC);
        assertThat(t.name()).isEqualTo("0x7ABC");
        assertThat(StunAttributeType.valueOf(0x0020)).isSameAs(StunAttributeType.XOR_MAPPED_ADDRESS);
    }

    @Test
    void errorCodesAreTheIanaValues() {
        assertThat(StunErrorCode.TRY_ALTERNATE.code()).isEqualTo(300);
        assertThat(StunErrorCode.BAD_REQUEST.code()).isEqualTo(400);
        assertThat(StunErrorCode.UNAUTHENTICATED.code()).isEqualTo(401);
        assertThat(StunErrorCode.FORBIDDEN.code()).isEqualTo(403);
        assertThat(StunErrorCode.MOBILITY_FORBIDDEN.code()).isEqualTo(405);
        assertThat(StunErrorCode.UNKNOWN_ATTRIBUTE.code()).isEqualTo(420);
        assertThat(StunErrorCode.ALLOCATION_MISMATCH.code()).isEqualTo(437);
        assertThat(StunErrorCode.STALE_NONCE.code()).isEqualTo(438);
        assertThat(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED.code()).isEqualTo(440);
        assertThat(StunErrorCode.WRONG_CREDENTIALS.code()).isEqualTo(441);
        assertThat(StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL.code()).isEqualTo(442);
        assertThat(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH.code()).isEqualTo(443);
        assertThat(StunErrorCode.CONNECTION_ALREADY_EXISTS.code()).isEqualTo(446);
        assertThat(StunErrorCode.CONNECTION_TIMEOUT_OR_FAILURE.code()).isEqualTo(447);
        assertThat(StunErrorCode.ALLOCATION_QUOTA_REACHED.code()).isEqualTo(486);
        assertThat(StunErrorCode.ROLE_CONFLICT.code()).isEqualTo(487);
        assertThat(StunErrorCode.SERVER_ERROR.code()).isEqualTo(500);
        assertThat(StunErrorCode.INSUFFICIENT_CAPACITY.code()).isEqualTo(508);
        assertThat(StunErrorCode.ROLE_CONFLICT.errorClass()).isEqualTo(4);
        assertThat(StunErrorCode.ROLE_CONFLICT.number()).isEqualTo(87);
        StunErrorCode unknown = StunErrorCode.valueOf(699);
        assertThat(unknown.isRegistered()).isFalse();
        assertThat(unknown.code()).isEqualTo(699);
        assertThatThrownBy(() -> StunErrorCode.valueOf(700)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordAlgorithmsAreTheIanaValues() {
        assertThat(StunPasswordAlgorithm.MD5.code()).isEqualTo(1);
        assertThat(StunPasswordAlgorithm.SHA_256.code()).isEqualTo(2);
        assertThat(StunPasswordAlgorithm.valueOf(9).isRegistered()).isFalse();
        assertThatThrownBy(() -> IntegrityKey.longTerm("u", "r", "p", StunPasswordAlgorithm.valueOf(9)))
                .isInstanceOf(IllegalStateException.class);
    }
}
