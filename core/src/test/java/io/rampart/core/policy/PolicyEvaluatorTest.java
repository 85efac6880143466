package io.rampart.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;

import io.rampart.core.config.ConfigException;
import io.rampart.core.config.PolicySettings;
import io.rampart.core.config.RampartConfiguration;
import io.rampart.core.flow.Flow;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

class PolicyEvaluatorTest {
    private static final String ALICE = "alice@corp.example";

    private static PolicySettings settings(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return RampartConfiguration.parse("rampart.properties", properties).policy();
    }

    private static ParsedMessage message(String subject, String body, String... attachmentNames) {
        ParsedMessage.Builder builder = ParsedMessage.builder()
            .from(Optional.of(Address.of("Alice", ALICE)))
            .subject(subject)
            .text(TextPart.plain("1", body, "utf-8"));
        for (String name : attachmentNames) {
            builder.attachment(Attachment.of("2", Optional.of(name), "application/pdf", false, Optional.empty(), new byte[] {1}));
        }
        return builder.build();
    }

    private static PolicyResult evaluate(PolicySettings settings, Flow flow, String sender, String recipient, ParsedMessage message) {
        return PolicyEvaluator.compile(settings).evaluate(PolicyInput.of(flow, Optional.of(sender), ImmutableList.of(recipient), message));
    }

    @Test
    void chineseKeywordShouldMatchWithoutSpaces() {
        PolicySettings settings = settings(
            "policy.rule.secrets.flow", "outbound",
            "policy.rule.secrets.match.keywords", "机密，内部资料",
            "policy.rule.secrets.action", "hold");
        PolicyResult result = evaluate(settings, Flow.OUTBOUND, ALICE, "x@partner.example",
            message("季度报告", "附件是本公司的内部资料请勿外传"));
        assertThat(result.decisiveAction()).contains(PolicyAction.HOLD);
        assertThat(result.matches()).extracting(PolicyMatch::evidence).containsExactly("keyword '内部资料' in body");
    }

    @Test
    void keywordShouldOnlyMatchInTheConfiguredFields() {
        PolicySettings settings = settings(
            "policy.rule.secrets.flow", "outbound",
            "policy.rule.secrets.match.keywords", "confidential",
            "policy.rule.secrets.in", "subject,attachmentName",
            "policy.rule.secrets.action", "quarantine");
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "x@p.example", message("hello", "confidential stuff")).isEmpty()).isTrue();
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "x@p.example", message("hello", "", "Confidential-plan.pdf"))
            .matches()).extracting(PolicyMatch::evidence).containsExactly("keyword 'confidential' in attachmentName");
    }

    @Test
    void rulesShouldOnlyApplyToTheirFlow() {
        PolicySettings settings = settings(
            "policy.rule.secrets.flow", "outbound",
            "policy.rule.secrets.match.keywords", "机密",
            "policy.rule.secrets.action", "hold");
        assertThat(evaluate(settings, Flow.INTERNAL, ALICE, "bob@corp.example", message("机密", "")).isEmpty()).isTrue();
    }

    @Test
    void regexShouldMatchAndReportWhatItFound() {
        PolicySettings settings = settings(
            "policy.rule.cards.flow", "outbound,internal",
            "policy.rule.cards.match.regex", "\\b\\d{4}[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{4}\\b",
            "policy.rule.cards.action", "reject",
            "policy.rule.cards.notice", "Card numbers may not leave the company.");
        PolicyResult result = evaluate(settings, Flow.OUTBOUND, ALICE, "x@p.example", message("pay", "card 4111-1111-1111-1111 ok"));
        assertThat(result.decisiveAction()).contains(PolicyAction.REJECT);
        assertThat(result.matches().get(0).evidence()).contains("matched '4111-1111-1111-1111' in body");
        assertThat(result.rejectNotice()).contains("Card numbers may not leave the company.");
    }

    @Test
    void recipientDomainRuleShouldMatchSubdomains() {
        PolicySettings settings = settings(
            "policy.rule.competitor.flow", "outbound",
            "policy.rule.competitor.match.recipientDomain", "rival.example",
            "policy.rule.competitor.action", "notify");
        PolicyResult result = evaluate(settings, Flow.OUTBOUND, ALICE, "ceo@mail.rival.example", message("hi", ""));
        assertThat(result.notifyAdmin()).isTrue();
        assertThat(result.decisiveAction()).isEmpty();
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "ceo@notrival.example", message("hi", "")).isEmpty()).isTrue();
    }

    @Test
    void allConditionsOfARuleShouldHaveToMatch() {
        PolicySettings settings = settings(
            "policy.rule.r.flow", "outbound",
            "policy.rule.r.match.recipientDomain", "rival.example",
            "policy.rule.r.match.keywords", "报价",
            "policy.rule.r.action", "hold");
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "a@rival.example", message("hi", "你好")).isEmpty()).isTrue();
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "a@other.example", message("报价单", "")).isEmpty()).isTrue();
        assertThat(evaluate(settings, Flow.OUTBOUND, ALICE, "a@rival.example", message("报价单", "")).matches().get(0).evidence())
            .isEqualTo("recipient a@rival.example, keyword '报价' in subject");
    }

    @Test
    void allowListShouldWinOverEveryOtherRule() {
        PolicySettings settings = settings(
            "policy.rule.block-spam.flow", "inbound",
            "policy.rule.block-spam.match.keywords", "发票",
            "policy.rule.block-spam.action", "reject",
            "policy.rule.partner.flow", "inbound",
            "policy.rule.partner.match.senderDomain", "partner.example",
            "policy.rule.partner.action", "allow");
        PolicyResult partner = evaluate(settings, Flow.INBOUND, "billing@partner.example", ALICE, message("发票", ""));
        assertThat(partner.allowed()).isTrue();
        assertThat(partner.decisiveAction()).isEmpty();
        assertThat(partner.matches()).extracting(PolicyMatch::rule).containsExactly("partner");

        PolicyResult other = evaluate(settings, Flow.INBOUND, "x@spam.example", ALICE, message("代开发票", ""));
        assertThat(other.allowed()).isFalse();
        assertThat(other.decisiveAction()).contains(PolicyAction.REJECT);
        assertThat(other.findings()).extracting(f -> f.rule()).containsExactly("policy.block-spam");
    }

    @Test
    void mostSevereActionShouldDecide() {
        PolicySettings settings = settings(
            "policy.rule.a.flow", "any", "policy.rule.a.match.keywords", "x1", "policy.rule.a.action", "tag",
            "policy.rule.b.flow", "any", "policy.rule.b.match.keywords", "x1", "policy.rule.b.action", "quarantine",
            "policy.rule.c.flow", "any", "policy.rule.c.match.keywords", "x1", "policy.rule.c.action", "hold");
        assertThat(evaluate(settings, Flow.INBOUND, "x@y.example", ALICE, message("x1", "")).decisiveMatch())
            .map(PolicyMatch::rule).contains("b");
    }

    @Test
    void senderListShouldUseTheFromAddressForANullSender() {
        PolicySettings settings = settings(
            "policy.rule.s.flow", "inbound", "policy.rule.s.match.sender", ALICE, "policy.rule.s.action", "junk");
        PolicyResult result = PolicyEvaluator.compile(settings).evaluate(PolicyInput.of(Flow.INBOUND, Optional.empty(),
            ImmutableList.of("bob@corp.example"), message("hi", "")));
        assertThat(result.decisiveAction()).contains(PolicyAction.JUNK);
    }

    @Test
    void badRegexShouldNameTheKey() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.regex", "([a-z]+",
            "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("rampart.properties: key 'policy.rule.r.match.regex' has value '([a-z]+', expected a valid Java regular expression (Unclosed group");
    }

    @Test
    void missingFlowShouldNameTheKey() {
        assertThatThrownBy(() -> settings("policy.rule.r.match.keywords", "x", "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'policy.rule.r.flow': is required: inbound, outbound, internal or any (comma-separated)");
    }

    @Test
    void badActionShouldNameTheKey() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.keywords", "x",
            "policy.rule.r.action", "delete"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'policy.rule.r.action' has value 'delete', expected one of allow, tag, junk, quarantine, hold, reject, notify");
    }

    @Test
    void junkOnOutboundShouldBeRejected() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.keywords", "x",
            "policy.rule.r.action", "junk"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'policy.rule.r.action' has value 'junk'");
    }

    @Test
    void badFieldShouldNameTheKey() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.keywords", "x",
            "policy.rule.r.in", "subject,header", "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("rampart.properties: key 'policy.rule.r.in' has value 'subject,header', expected a comma-separated list of subject, body, attachmentName");
    }

    @Test
    void ruleWithoutConditionShouldBeRejected() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'policy.rule.r.match': rule 'r' has no condition");
    }

    @Test
    void unknownRuleKeyShouldBeRejected() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.keyword", "x",
            "policy.rule.r.match.keywords", "x", "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("unknown key 'policy.rule.r.match.keyword'");
    }

    @Test
    void badDomainShouldNameTheKey() {
        assertThatThrownBy(() -> settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.recipientDomain", "rival example",
            "policy.rule.r.action", "hold"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'policy.rule.r.match.recipientDomain' has value 'rival example'");
    }

    @Test
    void disabledRuleShouldBeValidatedButNotApplied() {
        PolicySettings settings = settings("policy.rule.r.flow", "outbound", "policy.rule.r.match.keywords", "x",
            "policy.rule.r.action", "hold", "policy.rule.r.enabled", "false");
        assertThat(settings.rules()).isEmpty();
    }

    @Test
    void rulesShouldSerializeToJson() throws Exception {
        PolicySettings settings = settings(
            "policy.rule.secrets.flow", "outbound",
            "policy.rule.secrets.match.keywords", "机密",
            "policy.rule.secrets.match.regex", "secret\\d+",
            "policy.rule.secrets.in", "subject",
            "policy.rule.secrets.action", "hold");
        assertThat(new ObjectMapper().writeValueAsString(settings.rules()))
            .isEqualTo("[{\"name\":\"secrets\",\"flows\":[\"outbound\"],\"keywords\":[\"机密\"],\"regex\":\"secret\\\\d+\","
                + "\"in\":[\"subject\"],\"action\":\"hold\"}]");
    }

    @Test
    void serviceShouldReloadFromTheFileAndKeepTheOldRulesOnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rampart.properties");
        Files.writeString(file, "policy.rule.a.flow=outbound\npolicy.rule.a.match.keywords=机密\npolicy.rule.a.action=hold\n",
            StandardCharsets.UTF_8);
        PolicyService service = PolicyService.fromFile(file);
        assertThat(service.rules()).extracting(PolicyRule::name).containsExactly("a");

        Files.writeString(file, "policy.rule.b.flow=outbound\npolicy.rule.b.match.keywords=绝密\npolicy.rule.b.action=reject\n",
            StandardCharsets.UTF_8);
        assertThat(service.reload()).extracting(PolicyRule::name).containsExactly("b");
        assertThat(service.evaluate(PolicyInput.of(Flow.OUTBOUND, Optional.of(ALICE), ImmutableList.of("x@p.example"),
            message("绝密", ""))).decisiveAction()).contains(PolicyAction.REJECT);

        Files.writeString(file, "policy.rule.c.flow=outbound\npolicy.rule.c.match.regex=([\npolicy.rule.c.action=reject\n",
            StandardCharsets.UTF_8);
        assertThatThrownBy(service::reload).isInstanceOf(ConfigException.class)
            .hasMessageContaining("key 'policy.rule.c.match.regex'");
        assertThat(service.rules()).extracting(PolicyRule::name).containsExactly("b");
    }
}
