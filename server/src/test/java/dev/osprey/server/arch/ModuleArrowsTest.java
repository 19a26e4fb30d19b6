package dev.osprey.server.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module arrows of docs/architecture.md, checked over every production class of the reactor (this module sees
 * all of them). Maven's per-module classpaths and the enforcer's banned dependencies stop most wrong imports; these
 * rules also stop the ones a transitive dependency would let through.
 */
class ModuleArrowsTest {
    private static final String STUN = "dev.osprey.stun..";
    private static final String RTP = "dev.osprey.rtp..";
    private static final String ICE = "dev.osprey.ice..";
    private static final String DTLS = "dev.osprey.dtls..";
    private static final String SRTP = "dev.osprey.srtp..";
    private static final String SCTP = "dev.osprey.sctp..";
    private static final String TURN = "dev.osprey.turn..";
    private static final String MEDIA = "dev.osprey.media..";
    private static final String SIGNALING = "dev.osprey.signaling..";
    private static final String CONTROL = "dev.osprey.control..";
    private static final String SERVER = "dev.osprey.server..";

    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(mayNotUse(STUN, RTP, ICE, DTLS, SRTP, SCTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(RTP, STUN, ICE, DTLS, SRTP, SCTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(ICE, RTP, DTLS, SRTP, SCTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(DTLS, STUN, ICE, SCTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(SRTP, STUN, ICE, SCTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(SCTP, STUN, RTP, ICE, DTLS, SRTP, TURN, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(TURN, RTP, ICE, DTLS, SRTP, SCTP, MEDIA, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(MEDIA, TURN, SIGNALING, CONTROL, SERVER));
        rules.add(mayNotUse(SIGNALING, TURN, CONTROL, SERVER));
        rules.add(onlyApiOf(SIGNALING, MEDIA, "dev.osprey.media.api.."));
        rules.add(mayNotUse(CONTROL, STUN, RTP, ICE, DTLS, SRTP, SCTP, TURN, MEDIA, SERVER));
        rules.add(onlyApiOf(CONTROL, SIGNALING, "dev.osprey.signaling.api.."));
        rules.add(onlyApiOf(SERVER, TURN, "dev.osprey.turn.api..", "dev.osprey.turn"));
        return rules;
    }

    private static ArchRule mayNotUse(String module, String... forbidden) {
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("docs/architecture.md: the arrows between modules point one way")
                .allowEmptyShould(true);
    }

    /** Classes of {@code module} may use {@code target} only through the packages listed in {@code allowed}. */
    private static ArchRule onlyApiOf(String module, String target, String... allowed) {
        return noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "reside in " + target + " outside " + String.join(", ", allowed),
                        c -> com.tngtech.archunit.core.domain.properties.HasName.Predicates
                                .nameMatching(regexOf(target)).test(c)
                                && !inAny(c.getPackageName(), allowed)))
                .because("other modules see only the public api package")
                .allowEmptyShould(true);
    }

    private static String regexOf(String packagePattern) {
        return packagePattern.replace("..", "").replace(".", "\\.") + "\\..*";
    }

    private static boolean inAny(String packageName, String... patterns) {
        for (String p : patterns) {
            String root = p.replace("..", "");
            if (p.endsWith("..") ? packageName.equals(root) || packageName.startsWith(root + ".")
                    : packageName.equals(root)) {
                return true;
            }
        }
        return false;
    }

    /** The reactor's own output: module jars or class folders under a {@code target/} directory. */
    private static boolean builtByThisReactor(com.tngtech.archunit.core.importer.Location location) {
        String uri = location.asURI().toString();
        return uri.contains("/target/") && !uri.contains("/test-classes/");
    }

    @Test
    void productionClassesFollowTheArrows() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ModuleArrowsTest::builtByThisReactor)
                .importPackages("dev.osprey");
        // the rules are only as good as what they see: every module's classes must be in the import
        assertThat(classes.contain("dev.osprey.signaling.api.RoomService")).isTrue();
        assertThat(classes.contain("dev.osprey.server.OspreyServer")).isTrue();
        rules().forEach(rule -> rule.check(classes));
    }

    @Test
    void aForbiddenImportIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                dev.osprey.stun.archfixture.StunReachingIntoServer.class,
                dev.osprey.control.archfixture.ControlReachingIntoSignalingInternals.class);
        for (ArchRule rule : List.of(rules().get(0), rules().get(11))) {
            assertThatThrownBy(() -> rule.check(fixture)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("archfixture");
        }
    }
}
