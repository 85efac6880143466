package io.rampart.core.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.ledger.DeliveryOutcome;
import io.rampart.core.ledger.LedgerEntry;

class RecallCriteriaTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String HASH = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final LedgerEntry ENTRY = LedgerEntry.builder()
        .messageId("<abc@evil.test>")
        .sender("ceo@evil.test")
        .subject("Urgent: Wire Transfer")
        .time(T0)
        .flow("inbound")
        .verdict("clean")
        .urls(ImmutableSet.of("https://Login.Phish.TEST/o365?x=1", "http://cdn.example.org/logo.png"))
        .hashes(ImmutableSet.of(HASH.toUpperCase()))
        .references(ImmutableList.of())
        .recipient("alice@corp.test", DeliveryOutcome.DELIVERED)
        .build();

    private static RecallCriteria parse(String json) {
        return RecallCriteria.fromJsonString(json);
    }

    @Test
    void eachCriterionShouldMatchTheLedgerEntry() {
        assertThat(parse("{\"messageId\":\"abc@evil.test\"}").matches(ENTRY)).isTrue();
        assertThat(parse("{\"sender\":\"CEO@evil.test\"}").matches(ENTRY)).isTrue();
        assertThat(parse("{\"subjectContains\":\"wire transfer\"}").matches(ENTRY)).isTrue();
        assertThat(parse("{\"url\":\"https://login.phish.test/o365?x=1\"}").matches(ENTRY)).isTrue();
        assertThat(parse("{\"domain\":\"phish.test\"}").matches(ENTRY)).as("URL host under the domain").isTrue();
        assertThat(parse("{\"domain\":\"evil.test\"}").matches(ENTRY)).as("sender domain").isTrue();
        assertThat(parse("{\"attachmentSha256\":\"" + HASH + "\"}").matches(ENTRY)).isTrue();
    }

    @Test
    void everyCriterionShouldBeRequired() {
        assertThat(parse("{\"sender\":\"ceo@evil.test\",\"subjectContains\":\"invoice\"}").matches(ENTRY)).isFalse();
        assertThat(parse("{\"domain\":\"hish.test\"}").matches(ENTRY)).as("not a parent domain").isFalse();
        assertThat(parse("{\"url\":\"https://login.phish.test/o365\"}").matches(ENTRY)).isFalse();
        assertThat(parse("{\"sender\":\"ceo@evil.test\",\"since\":\"2026-11-26T09:00:01Z\"}").matches(ENTRY)).isFalse();
        assertThat(parse("{\"sender\":\"ceo@evil.test\",\"until\":\"2026-11-26T09:00:00Z\"}").matches(ENTRY))
            .as("until is exclusive").isFalse();
        assertThat(parse("{\"sender\":\"ceo@evil.test\",\"since\":\"2026-11-26T09:00:00Z\"}").matches(ENTRY)).isTrue();
    }

    @Test
    void invalidCriteriaShouldReportEveryProblem() {
        assertThatThrownBy(() -> parse("{\"since\":\"yesterday\",\"colour\":\"red\",\"attachmentSha256\":\"abc\","
            + "\"sender\":\"nobody\",\"url\":\"/relative\",\"domain\":\"-x-\",\"scope\":\"galaxy\"}"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("Invalid recall criteria: ")
            .hasMessageContaining("unknown field 'colour'")
            .hasMessageContaining("'since' must be an ISO-8601 instant")
            .hasMessageContaining("'attachmentSha256' must be 64 hexadecimal characters, got 'abc'")
            .hasMessageContaining("'sender' must be an email address, got 'nobody'")
            .hasMessageContaining("'url' must be an absolute URL")
            .hasMessageContaining("'domain' must be a domain name")
            .hasMessageContaining("'scope' must be auto, ledger or all");
    }

    @Test
    void aTimeWindowAloneShouldBeRefused() {
        assertThatThrownBy(() -> parse("{\"since\":\"2026-11-01T00:00:00Z\"}"))
            .hasMessageContaining("give at least one of messageId, sender, subjectContains, url, domain, attachmentSha256");
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("give at least one of");
    }

    @Test
    void sinceShouldBeBeforeUntil() {
        assertThatThrownBy(() -> parse("{\"sender\":\"a@b.test\",\"since\":\"2026-11-02T00:00:00Z\","
            + "\"until\":\"2026-11-01T00:00:00Z\"}"))
            .hasMessageContaining("'since' (2026-11-02T00:00:00Z) must be before 'until' (2026-11-01T00:00:00Z)");
    }

    @Test
    void scopeAllShouldNeedMailboxSearchableCriteria() {
        assertThatThrownBy(() -> parse("{\"url\":\"https://x.test/\",\"scope\":\"all\"}"))
            .hasMessageContaining("scope 'all' searches mailboxes by messageId, sender or subjectContains");
        assertThat(parse("{\"sender\":\"a@b.test\",\"scope\":\"all\"}").mailboxSearchable()).isTrue();
    }

    @Test
    void nonJsonAndWrongTypesShouldBeRefused() {
        assertThatThrownBy(() -> parse("sender=x")).hasMessageContaining("the body is not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> parse("{\"sender\":42}")).hasMessageContaining("'sender' must be a non-empty string");
    }

    @Test
    void jsonShouldRoundTrip() {
        RecallCriteria criteria = parse("{\"messageId\":\"<a@b>\",\"sender\":\"x@y.test\",\"subjectContains\":\"Hi\","
            + "\"since\":\"2026-11-01T00:00:00Z\",\"until\":\"2026-11-02T00:00:00Z\",\"url\":\"https://u.test/p\","
            + "\"domain\":\"u.test\",\"attachmentSha256\":\"" + HASH + "\",\"scope\":\"ledger\"}");

        assertThat(RecallCriteria.fromJson(criteria.toJson())).isEqualTo(criteria);
    }

    @Test
    void withoutWindowAndWithSinceShouldKeepTheOtherCriteria() {
        RecallCriteria criteria = parse("{\"sender\":\"ceo@evil.test\",\"until\":\"2026-11-26T08:00:00Z\"}");

        assertThat(criteria.matches(ENTRY)).isFalse();
        assertThat(criteria.withoutWindow().matches(ENTRY)).isTrue();
        assertThat(criteria.withSince(T0.minusSeconds(10)).since()).contains(T0.minusSeconds(10));
        assertThat(criteria.withSince(T0.minusSeconds(10)).until()).isEmpty();
    }
}
