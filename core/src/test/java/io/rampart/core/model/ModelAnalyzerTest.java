package io.rampart.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;

class ModelAnalyzerTest {
    private static final String PORTUGUESE_BILL = "From: \"Nubank\" <todomundo@nubank.com.br>\nTo: bob@acme-corp.com\n"
        + "Subject: Sua fatura de novembro fechou\nDate: Fri, 27 Nov 2026 09:14:00 +0000\nMIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=UTF-8\n\nOlá, Roberto! A fatura do seu cartão fechou no valor de R$ 1.284,37,"
        + " com vencimento em 10/12. Você pode pagar pelo app com Pix ou boleto, ou conferir os lançamentos em"
        + " https://nubank.com.br/fatura. Nunca pedimos sua senha por e-mail ou telefone, e isso também vale para"
        + " mensagens de texto. Equipe Nubank\n";

    private static Finding model(ModelAnalyzer analyzer, String raw) {
        ScanReport report = new ScanReport();
        analyzer.analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), report);
        return report.findings().stream().filter(f -> f.rule().startsWith("model.")).findFirst().orElseThrow();
    }

    @Test
    void theModelReadsTheRulesThatRanBeforeIt() {
        HashedModel builtin = HashedModel.builtin().orElseThrow();
        ModelAnalyzer analyzer = new ModelAnalyzer(builtin, 8.0);
        String raw = "From: a@shop.example\nTo: bob@acme-corp.com\nSubject: hello\n\nSee you at the meeting on Tuesday.\n";
        ScanReport plain = new ScanReport();
        ScanReport forged = new ScanReport();
        forged.add("sender.forged-mailer", 3.0, io.rampart.core.analysis.Category.SPAM, "X-Mailer says Outlook Express");

        analyzer.analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), plain);
        analyzer.analyze(new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8)), ScanContext.builder().build(), forged);

        double without = plain.findings().stream().filter(f -> f.rule().startsWith("model.")).findFirst().orElseThrow().score();
        double with = forged.findings().stream().filter(f -> f.rule().startsWith("model.")).findFirst().orElseThrow().score();
        assertThat(with).as("the shipped model weighs r:sender.forged-mailer towards unwanted").isGreaterThan(without);
    }

    @Test
    void mailInALanguageTheOrganisationDoesNotListGetsAtMostTheCapFromTheModel() {
        HashedModel builtin = HashedModel.builtin().orElseThrow();
        Finding uncapped = model(new ModelAnalyzer(builtin, 8.0), PORTUGUESE_BILL);
        Finding capped = model(new ModelAnalyzer(builtin, 8.0, Set.of("en", "zh"), 2.5), PORTUGUESE_BILL);
        Finding listed = model(new ModelAnalyzer(builtin, 8.0, Set.of("en", "pt"), 2.5), PORTUGUESE_BILL);

        assertThat(uncapped.score()).as("the shipped model knows Portuguese from phishing only").isGreaterThan(2.5);
        assertThat(capped.score()).isEqualTo(2.5);
        assertThat(capped.detail()).contains("'pt'", "detection.model.languages");
        assertThat(listed.score()).isEqualTo(uncapped.score());
    }
}
