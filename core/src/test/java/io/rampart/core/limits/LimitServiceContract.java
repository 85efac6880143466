package io.rampart.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.rampart.core.config.LimitSettings;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

/** Send limits, blocks and alerts on a state backend; implemented once per backend. */
public interface LimitServiceContract {
    Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    String ALICE = "alice@corp.example";
    String BOB = "bob@corp.example";
    String CAROL = "carol@corp.example";

    StateStore state();

    MutableClock clock();

    default LimitSettings settings(String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("limits.default.externalRecipientsPerHour", "10");
        properties.setProperty("limits.default.internalRecipientsPerHour", "20");
        properties.setProperty("limits.default.recipientsPerDay", "50");
        properties.setProperty("limits.default.messagesPerMinute", "5");
        properties.setProperty("limits.default.recipientsPerMessage", "8");
        properties.setProperty("limits.default.action", "hold");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties).limits();
    }

    default BlockService blocks() {
        return new BlockService(state(), clock());
    }

    default AlertStore alerts() {
        return new AlertStore(state(), clock());
    }

    default LimitService service(LimitSettings settings) {
        return new LimitService(settings, state(), blocks(), alerts(), clock());
    }

    static List<String> external(int count) {
        return IntStream.range(0, count).mapToObj(i -> "r" + i + "@remote.example").collect(Collectors.toList());
    }

    static List<String> internal(int count) {
        return IntStream.range(0, count).mapToObj(i -> "c" + i + "@corp.example").collect(Collectors.toList());
    }

    default SendAttempt outbound(String sender, String mailId, int recipients) {
        return SendAttempt.of(sender, mailId, ImmutableList.of(), external(recipients), Optional.empty(), clock().instant());
    }

    @Test
    default void sendsUnderTheLimitsShouldPass() {
        LimitService service = service(settings());
        LimitDecision decision = service.checkAndRecord(outbound(ALICE, "m1", 5));
        assertThat(decision.passed()).isTrue();
        assertThat(decision.holdMail()).isFalse();
        assertThat(alerts().size()).isZero();
    }

    @Test
    default void externalRecipientsPerHourShouldBreachWhenTheWindowSumExceedsTheLimit() {
        LimitService service = service(settings());
        service.checkAndRecord(outbound(ALICE, "m1", 6));
        clock().advance(Duration.ofMinutes(10));
        LimitDecision decision = service.checkAndRecord(outbound(ALICE, "m2", 5));

        assertThat(decision.breaches()).containsExactly(Breach.of(Limit.EXTERNAL_RECIPIENTS_PER_HOUR, 10, 11));
        assertThat(decision.action()).contains(LimitAction.HOLD);
        assertThat(decision.holdMail()).isTrue();
        assertThat(decision.notifyAdmin()).isTrue();
        assertThat(decision.alert()).map(Alert::rule).contains("limit.externalRecipientsPerHour");
        assertThat(decision.reason()).isEqualTo("externalRecipientsPerHour: 11 > 10 (last 1h)");
        assertThat(alerts().list(0, 10)).hasSize(1);
    }

    @Test
    default void windowShouldSlide() {
        LimitService service = service(settings());
        service.checkAndRecord(outbound(ALICE, "m1", 6));
        clock().advance(Duration.ofMinutes(61));
        assertThat(service.checkAndRecord(outbound(ALICE, "m2", 6)).passed()).isTrue();
    }

    @Test
    default void limitsShouldBePerUser() {
        LimitService service = service(settings());
        service.checkAndRecord(outbound(ALICE, "m1", 8));
        assertThat(service.checkAndRecord(outbound(BOB, "m2", 8)).passed()).isTrue();
    }

    @Test
    default void internalAndExternalRecipientsShouldBeCountedSeparately() {
        LimitService service = service(settings());
        service.checkAndRecord(outbound(ALICE, "m1", 8));
        LimitDecision decision = service.checkAndRecord(SendAttempt.of(ALICE, "m2", internal(8), ImmutableList.of(),
            Optional.empty(), clock().instant()));
        assertThat(decision.passed()).isTrue();
        LimitDecision third = service.checkAndRecord(SendAttempt.of(ALICE, "m3", internal(8), ImmutableList.of(),
            Optional.empty(), clock().instant()));
        assertThat(third.passed()).isTrue();
        LimitDecision fourth = service.checkAndRecord(SendAttempt.of(ALICE, "m4", internal(8), ImmutableList.of(),
            Optional.empty(), clock().instant()));
        assertThat(fourth.breaches()).extracting(Breach::limit).containsExactly(Limit.INTERNAL_RECIPIENTS_PER_HOUR);
        assertThat(fourth.alert()).map(Alert::colleaguesReached).contains(24);
    }

    @Test
    default void recipientsPerMessageShouldBreachOnASingleMail() {
        LimitDecision decision = service(settings()).checkAndRecord(outbound(ALICE, "m1", 9));
        assertThat(decision.breaches()).extracting(Breach::limit)
            .containsExactly(Limit.RECIPIENTS_PER_MESSAGE);
    }

    @Test
    default void messagesPerMinuteShouldBreachOnTheSixthMail() {
        LimitService service = service(settings());
        IntStream.range(0, 5).forEach(i -> assertThat(service.checkAndRecord(outbound(ALICE, "m" + i, 1)).passed()).isTrue());
        assertThat(service.checkAndRecord(outbound(ALICE, "m5", 1)).breaches())
            .containsExactly(Breach.of(Limit.MESSAGES_PER_MINUTE, 5, 6));
    }

    @Test
    default void recipientsPerDayShouldCountBothSides() {
        LimitService service = service(settings());
        for (int i = 0; i < 6; i++) {
            clock().advance(Duration.ofHours(2));
            service.checkAndRecord(SendAttempt.of(ALICE, "m" + i, internal(4), external(4), Optional.empty(), clock().instant()));
        }
        clock().advance(Duration.ofHours(2));
        LimitDecision decision = service.checkAndRecord(SendAttempt.of(ALICE, "m7", internal(3), ImmutableList.of(),
            Optional.empty(), clock().instant()));
        assertThat(decision.breaches()).containsExactly(Breach.of(Limit.RECIPIENTS_PER_DAY, 50, 51));
    }

    @Test
    default void aRetriedMailShouldNotBeCountedTwice() {
        LimitService service = service(settings());
        service.checkAndRecord(outbound(ALICE, "m1", 6));
        assertThat(service.checkAndRecord(outbound(ALICE, "m1", 6)).passed()).isTrue();
    }

    @Test
    default void zeroShouldMeanNoLimit() {
        LimitService service = service(settings("limits.default.recipientsPerMessage", "0"));
        assertThat(service.checkAndRecord(outbound(ALICE, "m1", 9)).passed()).isTrue();
    }

    @Test
    default void configuredUserOverrideShouldApplyToThatUserOnly() {
        LimitService service = service(settings("limits.user.alice@corp.example.recipientsPerMessage", "20"));
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_MESSAGE)).hasValue(20);
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_DAY)).hasValue(50);
        assertThat(service.effectiveLimits(BOB).value(Limit.RECIPIENTS_PER_MESSAGE)).hasValue(8);
        assertThat(service.checkAndRecord(SendAttempt.of(ALICE, "m1", internal(15), ImmutableList.of(), Optional.empty(),
            clock().instant())).passed()).isTrue();
    }

    @Test
    default void groupOverrideShouldApplyToMembers() {
        LimitService service = service(settings(
            "limits.group.sales.members", "Bob@corp.example, carol@corp.example",
            "limits.group.sales.externalRecipientsPerHour", "100",
            "limits.group.sales.action", "alert"));
        assertThat(service.effectiveLimits(BOB).value(Limit.EXTERNAL_RECIPIENTS_PER_HOUR)).hasValue(100);
        assertThat(service.effectiveLimits(CAROL).action()).contains(LimitAction.ALERT);
        assertThat(service.effectiveLimits(ALICE).value(Limit.EXTERNAL_RECIPIENTS_PER_HOUR)).hasValue(10);
    }

    @Test
    default void userOverrideShouldWinOverGroupAndConfiguredUser() {
        LimitService service = service(settings(
            "limits.group.sales.members", "alice@corp.example",
            "limits.group.sales.recipientsPerDay", "100",
            "limits.user.alice@corp.example.recipientsPerDay", "200"));
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_DAY)).hasValue(200);
        service.setUserOverride("Alice@Corp.Example", SendLimits.builder().limit(Limit.RECIPIENTS_PER_DAY, 300).build());
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_DAY)).hasValue(300);
        assertThat(service.userOverride(ALICE)).contains(SendLimits.builder().limit(Limit.RECIPIENTS_PER_DAY, 300).build());
        assertThat(service.userOverrides()).containsOnlyKeys(ALICE);
        assertThat(service.deleteUserOverride(ALICE)).isTrue();
        assertThat(service.deleteUserOverride(ALICE)).isFalse();
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_DAY)).hasValue(200);
    }

    @Test
    default void webAdminDefaultShouldReplaceTheConfiguredDefault() {
        LimitService service = service(settings());
        SendLimits newDefault = LimitSettings.BUILT_IN_DEFAULTS;
        service.setDefaultLimits(newDefault);
        assertThat(service.defaultLimits()).isEqualTo(newDefault);
        assertThat(service.effectiveLimits(ALICE).value(Limit.RECIPIENTS_PER_MESSAGE)).hasValue(100);
        service.resetDefaultLimits();
        assertThat(service.defaultLimits().value(Limit.RECIPIENTS_PER_MESSAGE)).hasValue(8);
    }

    @Test
    default void incompleteDefaultShouldBeRejectedNamingTheField() {
        LimitService service = service(settings());
        assertThatThrownBy(() -> service.setDefaultLimits(SendLimits.builder().limit(Limit.RECIPIENTS_PER_DAY, 5).build()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'externalRecipientsPerHour' is required for the default limits");
    }

    @Test
    default void emptyOverrideShouldBeRejected() {
        assertThatThrownBy(() -> service(settings()).setUserOverride(ALICE, SendLimits.empty()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("at least one limit or the action is required");
    }

    @Test
    default void blockActionShouldBlockUntilLifted() {
        LimitService service = service(settings("limits.default.action", "block"));
        LimitDecision decision = service.checkAndRecord(outbound(ALICE, "m1", 9));
        assertThat(decision.action()).contains(LimitAction.BLOCK);
        assertThat(decision.block()).isPresent();
        assertThat(decision.block().get().until()).isEmpty();
        assertThat(blocks().isBlocked(ALICE)).isTrue();

        clock().advance(Duration.ofDays(30));
        LimitDecision queued = service.checkAndRecord(outbound(ALICE, "m2", 1));
        assertThat(queued.senderWasBlocked()).isTrue();
        assertThat(queued.holdMail()).isTrue();

        assertThat(blocks().unblock(ALICE)).isTrue();
        assertThat(blocks().isBlocked(ALICE)).isFalse();
        assertThat(service.checkAndRecord(outbound(ALICE, "m3", 1)).passed()).isTrue();
    }

    @Test
    default void blockShouldExpireAtTheConfiguredTime() {
        LimitService service = service(settings("limits.default.action", "block", "limits.blockDuration", "2h"));
        service.checkAndRecord(outbound(ALICE, "m1", 9));
        assertThat(blocks().activeBlock(ALICE).flatMap(b -> b.until())).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(blocks().list()).hasSize(1);
        clock().advance(Duration.ofMinutes(119));
        assertThat(blocks().isBlocked(ALICE)).isTrue();
        clock().advance(Duration.ofMinutes(1));
        assertThat(blocks().isBlocked(ALICE)).isFalse();
        assertThat(blocks().list()).isEmpty();
    }

    @Test
    default void unblockShouldBeFalseWhenNotBlocked() {
        assertThat(blocks().unblock(ALICE)).isFalse();
    }

    @Test
    default void alertActionShouldDeliverAndAlert() {
        LimitService service = service(settings("limits.default.action", "alert"));
        LimitDecision decision = service.checkAndRecord(outbound(ALICE, "m1", 9));
        assertThat(decision.holdMail()).isFalse();
        assertThat(decision.action()).contains(LimitAction.ALERT);
        assertThat(blocks().isBlocked(ALICE)).isFalse();
        Alert alert = alerts().list(0, 1).get(0);
        assertThat(alert.user()).isEqualTo(ALICE);
        assertThat(alert.evidence()).contains("recipientsPerMessage: 9 > 8 (this message)");
        assertThat(alert.mailBody()).contains("User:               alice@corp.example");
    }

    @Test
    default void adminShouldBeMailedOncePerUserAndRulePerInterval() {
        LimitService service = service(settings("limits.default.action", "alert"));
        assertThat(service.checkAndRecord(outbound(ALICE, "m1", 9)).notifyAdmin()).isTrue();
        clock().advance(Duration.ofMinutes(5));
        assertThat(service.checkAndRecord(outbound(ALICE, "m2", 9)).notifyAdmin()).isFalse();
        clock().advance(Duration.ofMinutes(11));
        assertThat(service.checkAndRecord(outbound(ALICE, "m3", 9)).notifyAdmin()).isTrue();
        assertThat(alerts().list(0, 10)).hasSize(3);
    }

    @Test
    default void disabledLimitsShouldPassButStillHonourBlocks() {
        LimitService service = service(settings("limits.enabled", "false"));
        assertThat(service.checkAndRecord(outbound(ALICE, "m1", 50)).passed()).isTrue();
        blocks().block(ALICE, "manual", "test", Optional.empty());
        assertThat(service.checkAndRecord(outbound(ALICE, "m2", 1)).holdMail()).isTrue();
    }
}
