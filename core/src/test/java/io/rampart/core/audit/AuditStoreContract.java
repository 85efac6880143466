package io.rampart.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;

import io.rampart.core.config.AuditSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.state.StateStore;
import io.rampart.core.testing.MutableClock;

public interface AuditStoreContract {
    Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    StateStore state();

    MutableClock clock();

    default AuditStore store() {
        return new AuditStore(new AuditSettings(Duration.ofHours(72), AuditDecision.REJECT),
            state(), clock());
    }

    default AuditRecord holdOne(String id) {
        return store().hold(id, Flow.OUTBOUND, Optional.of("alice@corp.example"), ImmutableList.of("x@remote.example"),
            "limit.recipientsPerDay", "recipientsPerDay: 2001 > 2000 (last 24h)");
    }

    @Test
    default void holdShouldRecordEveryField() {
        AuditRecord record = holdOne("a1");
        assertThat(store().get("a1")).contains(record);
        assertThat(record.status()).isEqualTo(AuditStatus.HELD);
        assertThat(record.heldAt()).isEqualTo(NOW);
        assertThat(record.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(record.expiryAction()).isEqualTo(AuditDecision.REJECT);
        assertThat(record.recipients()).containsExactly("x@remote.example");
    }

    @Test
    default void holdShouldRefuseADuplicateId() {
        holdOne("a1");
        assertThatThrownBy(() -> holdOne("a1")).isInstanceOf(IllegalStateException.class)
            .hasMessage("an audit record with id 'a1' already exists");
    }

    @Test
    default void listShouldFilterByStatusOldestFirst() {
        holdOne("a1");
        clock().advance(Duration.ofMinutes(1));
        holdOne("a2");
        store().decide("a1", AuditDecision.APPROVE, "admin");
        assertThat(store().list(Optional.empty())).extracting(AuditRecord::id).containsExactly("a1", "a2");
        assertThat(store().list(Optional.of(AuditStatus.HELD))).extracting(AuditRecord::id).containsExactly("a2");
        assertThat(store().list(Optional.of(AuditStatus.APPROVED))).extracting(AuditRecord::id).containsExactly("a1");
    }

    @Test
    default void decideShouldRecordWhoAndWhen() {
        holdOne("a1");
        clock().advance(Duration.ofMinutes(5));
        AuditRecord decided = store().decide("a1", AuditDecision.REJECT, "admin@corp.example").get();
        assertThat(decided.status()).isEqualTo(AuditStatus.REJECTED);
        assertThat(decided.decidedAt()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(decided.decidedBy()).contains("admin@corp.example");
        assertThat(store().get("a1")).contains(decided);
    }

    @Test
    default void decideShouldBeEmptyForAnUnknownId() {
        assertThat(store().decide("nope", AuditDecision.APPROVE, "admin")).isEmpty();
    }

    @Test
    default void decideShouldHappenOnlyOnce() {
        holdOne("a1");
        store().decide("a1", AuditDecision.APPROVE, "admin");
        assertThatThrownBy(() -> store().decide("a1", AuditDecision.REJECT, "other"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("held mail 'a1' was already decided: approved by admin");
    }

    @Test
    default void expiryShouldApplyTheExpiryAction() {
        holdOne("a1");
        clock().advance(Duration.ofHours(1));
        holdOne("a2");
        clock().advance(Duration.ofHours(71));
        assertThat(store().expired(10)).extracting(AuditRecord::id).containsExactly("a1");
        ImmutableList<AuditRecord> decided = store().expireDue(10);
        assertThat(decided).extracting(AuditRecord::id).containsExactly("a1");
        assertThat(decided.get(0).status()).isEqualTo(AuditStatus.REJECTED);
        assertThat(decided.get(0).decidedBy()).contains(AuditStore.EXPIRY_ACTOR);
        assertThat(store().expired(10)).isEmpty();
    }

    @Test
    default void decidedRecordsShouldNotExpire() {
        holdOne("a1");
        store().decide("a1", AuditDecision.APPROVE, "admin");
        clock().advance(Duration.ofDays(10));
        assertThat(store().expireDue(10)).isEmpty();
    }

    @Test
    default void purgeShouldForgetOnlyOldDecidedRecords() {
        holdOne("a1");
        holdOne("a2");
        store().decide("a1", AuditDecision.APPROVE, "admin");
        clock().advance(Duration.ofDays(30));
        holdOne("a3");
        store().decide("a3", AuditDecision.REJECT, "admin");
        assertThat(store().purgeDecidedBefore(clock().instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(store().list(Optional.empty())).extracting(AuditRecord::id).containsExactly("a2", "a3");
    }

    @Test
    default void removeShouldForgetTheRecord() {
        holdOne("a1");
        assertThat(store().remove("a1")).isTrue();
        assertThat(store().get("a1")).isEmpty();
        assertThat(store().remove("a1")).isFalse();
    }

    @Test
    default void recordShouldSerializeForWebAdmin() throws Exception {
        AuditRecord record = holdOne("a1");
        assertThat(new ObjectMapper().writeValueAsString(record)).isEqualTo("{\"id\":\"a1\",\"flow\":\"outbound\","
            + "\"sender\":\"alice@corp.example\",\"recipients\":[\"x@remote.example\"],\"rule\":\"limit.recipientsPerDay\","
            + "\"reason\":\"recipientsPerDay: 2001 > 2000 (last 24h)\",\"heldAt\":\"2026-11-26T10:00:00Z\","
            + "\"expiresAt\":\"2026-11-29T10:00:00Z\",\"expiryAction\":\"reject\",\"status\":\"held\"}");
    }
}
