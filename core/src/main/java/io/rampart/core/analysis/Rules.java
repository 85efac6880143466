package io.rampart.core.analysis;

import java.util.Arrays;
import java.util.Locale;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.intel.IndicatorType;
import io.rampart.core.text.Lures;

/**
 * Every rule id the analyzers report, so that {@code detection.score.<rule>} can refuse a misspelt one
 * at start-up. {@code RulesTest} reads the sources and fails when an analyzer reports a rule missing
 * here, or this lists one no analyzer reports.
 */
public final class Rules {
    /** Rule ids written out in the analyzers. */
    static final ImmutableSet<String> LITERAL = ImmutableSet.of(
        "archive.encrypted", "archive.encrypted-content", "archive.expansion-ratio", "archive.max-bytes",
        "archive.max-depth", "archive.max-entries", "archive.password-in-body", "archive.rar-not-unpacked",
        "archive.too-large", "archive.unreadable",
        "attachment.error", "attachment.timeout", "attachment.url-error",
        "file.bidi-name", "file.disguised-executable", "file.disk-image", "file.double-extension", "file.executable",
        "file.internet-shortcut", "file.type-mismatch", "file.url.credential-path", "file.url.ip-host",
        "file.url.plain-http", "file.url.userinfo",
        "gtube", "malware.eicar",
        "html.attachment", "html.clipboard-command", "html.credential-form", "html.css-text", "html.data-document", "html.exfiltration", "html.hidden-text", "html.incomplete",
        "html.invisible-colour", "html.obfuscated-script", "html.remote-frame-only", "html.reversed-text", "html.script-redirect",
        "html.smuggling", "html.split-words", "html.tiny-text", "svg.script", "svg.link",
        "image.lure", "image.max-pixels", "image.ocr-lure", "image.unreadable", "inbound.mail-flood",
        "link.archive-password", "link.bank-details-form", "link.brand-in-subdomain", "link.brand-user-content", "link.cap", "link.credential-form", "link.data-uri",
        "link.external-form", "link.free-hosting", "link.incomplete", "link.indicator", "link.ipfs", "link.ip-host",
        "link.local-in-subdomain", "link.lookalike-brand", "link.lookalike-local", "link.meta-refresh", "link.newly-seen", "link.oauth-consent",
        "link.open-redirect", "link.protocol-handler", "link.punycode", "link.recipient-in-fragment", "link.remote-file", "link.risky-download", "link.risky-tld", "link.script-redirect", "link.sender-in-subdomain", "link.shortener", "link.sign-in-app-host",
        "link.text-mismatch", "link.threat-download", "link.userinfo",
        "local.allowed-sender", "local.indicator.sender", "local.indicator.sha256", "local.indicator.url",
        "message.malformed-headers",
        "model.ham", "model.phish", "model.spam",
        "office.activex", "office.dde", "office.equation-editor", "office.external-object", "office.macro",
        "office.ole-package", "office.remote-template",
        "parse.error", "parse.incomplete",
        "pdf.embedded-file", "pdf.form", "pdf.form-submit", "pdf.javascript", "pdf.launch", "pdf.max-pages",
        "pdf.render", "pdf.unreadable",
        "qr.contact", "qr.payment", "qr.text", "qr.url", "qr.url-benign",
        "scan.analyzer-error", "scan.budget", "scan.error", "scan.interrupted", "scan.timeout", "scan.unreadable",
        "sender.brand-name", "sender.brand-consistent", "sender.brand-lure", "sender.brand-spoof", "sender.celebrity-name", "sender.bulk-mailer", "sender.department", "sender.disguised-name", "sender.envelope-divergence",
        "sender.forged-mailer", "sender.freemail-company", "sender.government-name", "sender.impossible-date",
        "sender.impersonates-local", "sender.invalid-message-id", "sender.missing-date", "sender.no-from-address",
        "sender.impersonates-person", "sender.local-spoof", "sender.lookalike-brand", "sender.lookalike-local",
        "sender.hidden-recipients-document", "sender.name-address-mismatch", "sender.name-reference", "sender.reply-to-divergence",
        "sender.risky-tld", "sender.tenant-default-domain", "sender.trademark-name", "sender.unsigned-free-mail",
        "text.address-greeting", "text.bec-request", "text.random-token", "text.padded-subject", "text.payment-redirect", "text.advance-fee", "text.callback", "text.declared-advert", "text.device-code", "text.disguised-contact", "text.download-cradle", "text.extortion", "text.disguised-word", "text.fake-signature",
        "text.generic-greeting", "text.identity-request", "text.invoice-offer", "text.invisible-inside-words", "text.underscored-subject", "text.lure-combination", "text.paste-and-run", "text.remote-access-request", "text.reply-elsewhere", "text.secure-message-elsewhere", "text.wrong-recipient");

    /** Rule ids built from a family name: lure families, authentication results, indicator types. */
    static final ImmutableSet<String> BUILT = ImmutableSet.<String>builder()
        .addAll(Arrays.stream(Lures.Family.values()).map(f -> "text.lure-" + f.name().toLowerCase(Locale.ROOT)).iterator())
        .add("sender.spf-fail", "sender.dkim-fail", "sender.dmarc-fail")
        .addAll(Arrays.stream(IndicatorType.values()).map(t -> "intel." + t.asString().toLowerCase(Locale.ROOT)).iterator())
        .build();

    public static final ImmutableSet<String> ALL = ImmutableSet.<String>builder().addAll(LITERAL).addAll(BUILT).build();

    private Rules() {
    }

    public static boolean known(String rule) {
        return ALL.contains(rule);
    }
}
