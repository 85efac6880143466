package io.rampart.core.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

import io.rampart.core.alert.Alert;
import io.rampart.core.alert.AlertStore;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.limits.LimitAction;
import io.rampart.core.limits.SendAttempt;
import io.rampart.core.message.Address;
import io.rampart.core.sender.People;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;
import io.rampart.core.verdict.VerdictClass;

/** Abnormal-sending rules on a state backend; implemented once per backend. */
public interface AbnormalSendingDetectorContract {
    /** A Thursday, 10:00 UTC: working hours. */
    Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    String BOB = "bob@corp.example";

    StateStore state();

    MutableClock clock();

    default AbnormalSendingDetector only(BehaviourRule enabled, String... keyValues) {
        Properties properties = new Properties();
        for (BehaviourRule rule : BehaviourRule.values()) {
            properties.setProperty("behaviour." + rule.key() + ".enabled", Boolean.toString(rule == enabled));
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        RampartConfiguration configuration = RampartConfiguration.parse("rampart.properties", properties);
        return new AbnormalSendingDetector(configuration.behaviour(), Optional.empty(), state(), new BlockService(state(), clock()),
            new AlertStore(state(), clock()), clock(), people(configuration));
    }

    /** The colleagues' names over this backend, as James builds them. */
    default People people(RampartConfiguration configuration) {
        return People.from(configuration.detection(), state());
    }

    static List<String> colleagues(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "c" + i + "@corp.example").collect(Collectors.toList());
    }

    default BehaviourInput internalMail(String mailId, List<String> colleagues, Optional<String> fingerprint) {
        return BehaviourInput.of(SendAttempt.of(BOB, mailId, colleagues, ImmutableList.of(), fingerprint, clock().instant()),
            Optional.of(Address.of("Bob", BOB)), Optional.empty());
    }

    default BehaviourInput fromDisplayName(String displayName) {
        return BehaviourInput.of(SendAttempt.of(BOB, "m1", colleagues(0, 12), ImmutableList.of(), Optional.empty(), clock().instant()),
            Optional.of(Address.of(displayName, BOB)), Optional.empty());
    }

    @Test
    default void chineseDepartmentNameFromAnAccountNotInFinanceShouldBeHeldAndAlerted() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION,
            "behaviour.impersonation.role.finance.senders", "finance@corp.example");
        BehaviourDecision decision = detector.analyze(fromDisplayName("财务部"));

        assertThat(decision.holdMail()).isTrue();
        assertThat(decision.detections()).hasSize(1);
        Alert alert = decision.alerts().get(0);
        assertThat(alert.user()).isEqualTo(BOB);
        assertThat(alert.rule()).isEqualTo("behaviour.impersonation");
        assertThat(alert.colleaguesReached()).isEqualTo(12);
        assertThat(alert.evidence()).isEqualTo("display name '财务部' impersonates finance ('财务部') but the mail comes from "
            + "bob@corp.example; its addresses are finance@corp.example");
        assertThat(decision.alertsToMail()).containsExactly(alert);
        assertThat(new AlertStore(state(), clock()).list(0, 10)).containsExactly(alert);
    }

    @Test
    default void departmentNameInsideALongerDisplayNameShouldBeDetected() {
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("集团 人事部 通知")).isEmpty()).isFalse();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("IT支持中心")).isEmpty()).isFalse();
    }

    @Test
    default void englishRoleNamesShouldBeDetected() {
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("IT Support Team")).detections())
            .extracting(d -> d.rule()).containsExactly(BehaviourRule.IMPERSONATION);
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("HR")).isEmpty()).isFalse();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Finance Department")).isEmpty()).isFalse();
    }

    @Test
    default void theRoleOwnAddressShouldNotBeFlagged() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION,
            "behaviour.impersonation.role.finance.senders", BOB);
        assertThat(detector.analyze(fromDisplayName("财务部")).isEmpty()).isTrue();
    }

    @Test
    default void ordinaryNamesShouldNotBeFlagged() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION);
        assertThat(detector.analyze(fromDisplayName("Chris Hrabowski")).isEmpty()).isTrue();
        assertThat(detector.analyze(fromDisplayName("王财")).isEmpty()).isTrue();
        assertThat(detector.analyze(fromDisplayName("Bob")).isEmpty()).isTrue();
    }

    @Test
    default void aColleaguesNameFromAnotherLocalAccountShouldBeHeld() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION);
        people(RampartConfiguration.defaults()).learn("alice@corp.example", "alice@corp.example", "Alice Chen");

        BehaviourDecision decision = detector.analyze(fromDisplayName("Chen, Alice"));

        assertThat(decision.holdMail()).isTrue();
        assertThat(decision.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("behaviour.impersonation");
            assertThat(alert.user()).isEqualTo(BOB);
            assertThat(alert.evidence()).isEqualTo("display name 'Chen, Alice' is alice@corp.example's name "
                + "('Alice Chen', learnt) but the mail comes from bob@corp.example");
        });
    }

    @Test
    default void aNotificationServiceNamingWhomItWritesForIsNotImpersonation() {
        people(RampartConfiguration.defaults()).learn("alice@corp.example", "alice@corp.example", "Alice Chen");

        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Alice Chen (Jira)")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Alice Chen via Confluence")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Alice Chen <alice@corp.example>")).isEmpty())
            .as("her address written into the name is a disguise, not a note").isFalse();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Alice Chen (CEO)")).detections())
            .as("a title in brackets is the executive role's name").extracting(d -> d.evidence()).singleElement()
            .satisfies(evidence -> assertThat(evidence).contains("executive"));
    }

    @Test
    default void aConfiguredNameWithItsOwnersAddressCountsAtOnce() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION, "detection.people", "Dana Boss <ceo@corp.example>");

        assertThat(detector.analyze(fromDisplayName("Dana Boss")).alerts()).singleElement()
            .satisfies(alert -> assertThat(alert.evidence()).contains("ceo@corp.example", "detection.people"));
    }

    @Test
    default void aConfiguredNameCountsOnceItsOwnerHasSentUnderIt() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION, "detection.people", "Dana Boss");
        assertThat(detector.analyze(fromDisplayName("Dana Boss")).isEmpty()).as("nobody known to own the name yet").isTrue();

        people(RampartConfiguration.defaults()).learn("dana@corp.example", "dana@corp.example", "Dana Boss");

        assertThat(detector.analyze(fromDisplayName("Dana Boss")).alerts()).singleElement()
            .satisfies(alert -> assertThat(alert.evidence()).contains("dana@corp.example", "detection.people"));
    }

    @Test
    default void ownNameListedSendersAndTheSwitchAreNotFlaggedForColleaguesNames() {
        People people = people(RampartConfiguration.defaults());
        people.learn(BOB, BOB, "Bob Smith");
        people.learn("alice@corp.example", "alice@corp.example", "Alice Chen");

        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Smith, Bob")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Carol Jones")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION, "behaviour.impersonation.people.senders", "Bob@corp.example")
            .analyze(fromDisplayName("Alice Chen")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION, "behaviour.impersonation.people", "false")
            .analyze(fromDisplayName("Alice Chen")).isEmpty()).isTrue();
        assertThat(only(BehaviourRule.IMPERSONATION).analyze(fromDisplayName("Alice Chen")).isEmpty()).isFalse();
    }

    @Test
    default void customRoleShouldBeDetected() {
        AbnormalSendingDetector detector = only(BehaviourRule.IMPERSONATION,
            "behaviour.impersonation.builtInRoles", "false",
            "behaviour.impersonation.role.legal.names", "法务部,Legal",
            "behaviour.impersonation.role.legal.senders", "legal@corp.example");
        assertThat(detector.analyze(fromDisplayName("法务部")).isEmpty()).isFalse();
        assertThat(detector.analyze(fromDisplayName("财务部")).isEmpty()).isTrue();
    }

    @Test
    default void firstContactBurstShouldFireWhenManyNewColleaguesAreReachedWithinTheWindow() {
        AbnormalSendingDetector detector = only(BehaviourRule.FIRST_CONTACT_BURST);
        assertThat(detector.analyze(internalMail("m1", colleagues(0, 10), Optional.empty())).isEmpty()).isTrue();
        clock().advance(Duration.ofMinutes(10));
        assertThat(detector.analyze(internalMail("m2", colleagues(0, 10), Optional.empty())).isEmpty())
            .as("known colleagues are not first contacts").isTrue();
        clock().advance(Duration.ofMinutes(10));
        BehaviourDecision decision = detector.analyze(internalMail("m3", colleagues(10, 10), Optional.empty()));
        assertThat(decision.detections()).extracting(Detection::rule).containsExactly(BehaviourRule.FIRST_CONTACT_BURST);
        assertThat(decision.detections().get(0).colleaguesReached()).isEqualTo(20);
        assertThat(decision.detections().get(0).evidence()).startsWith("20 colleagues never written to before reached within 1h (threshold 20)");
    }

    @Test
    default void firstContactsSpreadOverTimeShouldNotFire() {
        AbnormalSendingDetector detector = only(BehaviourRule.FIRST_CONTACT_BURST);
        assertThat(detector.analyze(internalMail("m1", colleagues(0, 15), Optional.empty())).isEmpty()).isTrue();
        clock().advance(Duration.ofHours(2));
        assertThat(detector.analyze(internalMail("m2", colleagues(15, 15), Optional.empty())).isEmpty()).isTrue();
    }

    @Test
    default void sameMessageToManyColleaguesShouldFire() {
        AbnormalSendingDetector detector = only(BehaviourRule.SAME_MESSAGE);
        String fingerprint = MessageFingerprint.of("Urgent: verify your account", "Click here to keep your mailbox");
        for (int i = 0; i < 2; i++) {
            assertThat(detector.analyze(internalMail("m" + i, colleagues(i * 10, 10), Optional.of(fingerprint))).isEmpty()).isTrue();
            clock().advance(Duration.ofMinutes(5));
        }
        assertThat(detector.analyze(internalMail("other", colleagues(100, 10),
            Optional.of(MessageFingerprint.of("Lunch?", "Noodles at noon")))).isEmpty()).isTrue();
        BehaviourDecision decision = detector.analyze(internalMail("m2", colleagues(20, 10), Optional.of(fingerprint)));
        assertThat(decision.detections()).extracting(Detection::rule).containsExactly(BehaviourRule.SAME_MESSAGE);
        assertThat(decision.alerts().get(0).colleaguesReached()).isEqualTo(30);
    }

    @Test
    default void fingerprintShouldIgnoreNumbersSpacesAndReplyPrefixes() {
        assertThat(MessageFingerprint.of("Re: Invoice 123", "Dear 4711, pay now"))
            .isEqualTo(MessageFingerprint.of("Invoice 9", "Dear  12,\npay now"))
            .isNotEqualTo(MessageFingerprint.of("Invoice", "Dear, do not pay"));
    }

    @Test
    default void fanOutFarAboveTheBaselineShouldFire() {
        AbnormalSendingDetector detector = only(BehaviourRule.FAN_OUT);
        for (int i = 0; i < 10; i++) {
            assertThat(detector.analyze(internalMail("m" + i, colleagues(0, 2), Optional.empty())).isEmpty()).isTrue();
            clock().advance(Duration.ofHours(1));
        }
        assertThat(detector.baseline(BOB).messages()).isEqualTo(10);
        assertThat(detector.baseline(BOB).meanRecipients()).isEqualTo(2.0);
        BehaviourDecision decision = detector.analyze(internalMail("big", colleagues(0, 40), Optional.empty()));
        assertThat(decision.detections()).extracting(Detection::rule).containsExactly(BehaviourRule.FAN_OUT);
        assertThat(decision.detections().get(0).evidence())
            .isEqualTo("40 recipients in one mail; own baseline 2.0 recipients per mail over 10 mails (threshold 10x)");
        assertThat(detector.baseline(BOB).messages()).as("anomalies do not teach the baseline").isEqualTo(10);
    }

    @Test
    default void fanOutShouldWaitForEnoughHistory() {
        AbnormalSendingDetector detector = only(BehaviourRule.FAN_OUT);
        detector.analyze(internalMail("m1", colleagues(0, 1), Optional.empty()));
        assertThat(detector.analyze(internalMail("big", colleagues(0, 40), Optional.empty())).isEmpty()).isTrue();
    }

    @Test
    default void offHoursBurstShouldAlertOnly() {
        AbnormalSendingDetector detector = only(BehaviourRule.OFF_HOURS, "behaviour.offHours.zone", "Asia/Shanghai");
        clock().set(Instant.parse("2026-11-28T19:00:00Z")); // Sunday 03:00 in Shanghai
        assertThat(detector.analyze(internalMail("m1", colleagues(0, 10), Optional.empty())).isEmpty()).isTrue();
        clock().advance(Duration.ofMinutes(20));
        BehaviourDecision decision = detector.analyze(internalMail("m2", colleagues(10, 10), Optional.empty()));
        assertThat(decision.action()).contains(LimitAction.ALERT);
        assertThat(decision.holdMail()).isFalse();
        assertThat(decision.detections().get(0).evidence()).isEqualTo("20 recipients within 1h outside working hours (sun 03:20, threshold 20)");
    }

    @Test
    default void workingHoursShouldNotCountAsOffHours() {
        AbnormalSendingDetector detector = only(BehaviourRule.OFF_HOURS);
        assertThat(detector.analyze(internalMail("m1", colleagues(0, 40), Optional.empty())).detections()).isEmpty();
    }

    @Test
    default void internalPhishingShouldFireOnTheVerdict() {
        AbnormalSendingDetector detector = only(BehaviourRule.INTERNAL_PHISHING, "behaviour.internalPhishing.action", "block");
        BehaviourInput clean = BehaviourInput.of(SendAttempt.of(BOB, "m1", colleagues(0, 3), ImmutableList.of(), Optional.empty(),
            clock().instant()), Optional.empty(), Optional.of(VerdictClass.CLEAN));
        assertThat(detector.analyze(clean).isEmpty()).isTrue();
        BehaviourInput phish = BehaviourInput.of(SendAttempt.of(BOB, "m2", colleagues(0, 3), ImmutableList.of(), Optional.empty(),
            clock().instant()), Optional.empty(), Optional.of(VerdictClass.PHISH));
        BehaviourDecision decision = detector.analyze(phish);
        assertThat(decision.action()).contains(LimitAction.BLOCK);
        assertThat(decision.block()).isPresent();
        assertThat(new BlockService(state(), clock()).isBlocked(BOB)).isTrue();
        assertThat(decision.alerts().get(0).colleaguesReached()).isEqualTo(3);
    }

    @Test
    default void disabledDetectionShouldDoNothing() {
        Properties properties = new Properties();
        properties.setProperty("behaviour.enabled", "false");
        AbnormalSendingDetector detector = new AbnormalSendingDetector(
            RampartConfiguration.parse("rampart.properties", properties).behaviour(), Optional.empty(), state(),
            new BlockService(state(), clock()), new AlertStore(state(), clock()), clock(), people(RampartConfiguration.defaults()));
        assertThat(detector.analyze(fromDisplayName("财务部")).isEmpty()).isTrue();
    }
}
