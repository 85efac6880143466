package io.rampart.core.sender;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Iterables;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.LinkAnalysis;
import io.rampart.core.links.LinkLists;
import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.text.Lures;
import io.rampart.core.text.PhoneNumbers;

/**
 * {@code sender.brand-consistent}: mail from a well-known brand's own domain ({@link LinkLists#BRANDS};
 * not its free mail, anyone writes from gmail.com) whose every link leads back to that brand's domains
 * (or from a workspace service, {@link LinkLists#TENANT_SAAS}, whose every link leads to the service's
 * home or the organisation's own workspace there: an Okta password reset for acme-corp.okta.com, or from a
 * government's domain, {@link SenderAnalyzer#isGovernmentDomain}, whose every link leads to government domains:
 * a fine's or a tax office's own notice),
 * (or that has no link at all), with no attachment but pictures and no telephone number (a callback scam needs no
 * link), and that no
 * rule found anything in but its wording ({@link #WORDING}): an order confirmation or a sign-in notice as
 * the brand sends it. Even forged
 * (the shipped James configuration checks no DMARC), such a mail cannot take the reader anywhere but
 * the brand, so it gets a small credit against the statistical model, which learnt brand and account
 * words from phishing (README, "Known limit: business mail"). Runs after the other content analyzers
 * so that it sees their findings.
 */
public final class BrandMailAnalyzer implements Analyzer {
    public static final String RULE = "sender.brand-consistent";
    public static final double SCORE = -2.0;
    /**
     * Findings about wording alone, which a brand's own security notices share with the lures that copy
     * them ("unusual sign-in activity", "password reset", "within 24 hours"): when every link leads to
     * the brand, the words cannot take the reader anywhere else, so they do not withdraw the credit.
     * Payment wording does when the mail also says where to pay (an account, a transfer, {@link #PAYMENT_DETAILS}):
     * "wire the overdue amount to this account" needs no link to work. Without them it is an invoice's or a statement's
     * wording (发票, 付款, "amount due") on mail that can take the reader only to the brand.
     */
    static final ImmutableSet<String> WORDING = ImmutableSet.of("text.lure-credentials", "text.lure-suspension",
        "text.lure-urgency", "text.lure-combination", "text.generic-greeting", "text.lure-legal");
    /**
     * {@code link.brand-user-content}: mail from a brand's own domain that carries an account or legal lure and sends
     * the reader to a page on that same brand's free hosting (sites.google.com, a Google form, a SharePoint page), where
     * anyone publishes. The brand's own security and legal notices link to its account pages; its services relay other
     * people's words (a shared form, a comment, a site) and a signed notice can be replayed to others (the 2025 "a
     * subpoena has been served on Google" with a valid Google DKIM signature and the case "files" on sites.google.com).
     * With the lure and {@code link.free-hosting}, past the threshold whatever the model says of Google's own wording.
     */
    public static final String USER_CONTENT_RULE = "link.brand-user-content";
    public static final double USER_CONTENT_SCORE = 2.5;
    /** Where money is to go: account numbers and their names, transfers, 账号 / 户名 / 开户行 / 转账 / 汇款. */
    static final java.util.regex.Pattern PAYMENT_DETAILS = java.util.regex.Pattern.compile("(?i)\\b(account (number|no\\.?)|acct"
        + "|routing|sort code|iban|swift|bic|wire|bank details|banking details|beneficiary|transfer)\\b"
        + "|账号|帐号|账户|帐户|户名|开户行|收款|转账|汇款|银行卡");

    /** The lures a brand's notice relaying someone else's page must not carry. */
    static final ImmutableSet<String> ACCOUNT_LURES = ImmutableSet.of("text.lure-credentials", "text.lure-suspension",
        "text.lure-legal");

    /**
     * A brand's domain that is also its customers' mailboxes (an internet provider's): comcast.net is Comcast's, and
     * the address of millions of people who write from it. Not free mail elsewhere (those rules are about webmail
     * signed by nobody), but no brand credit.
     */
    static final ImmutableSet<String> ISP_MAILBOXES = ImmutableSet.of("comcast.net", "verizon.net", "att.net",
        "sbcglobal.net", "bellsouth.net", "btinternet.com", "orange.fr", "t-online.de");

    /**
     * {@code sender.brand-lure}: a display name that claims a brand on mail from outside its domains
     * ({@code sender.brand-name}) and a credential, suspension or legal lure in the text: brand phishing's whole shape,
     * scored beyond its two parts (2.5 and 1.5 or 2.0), which left it under the threshold wherever the model had not
     * seen the campaign. On the corpus 87 phish and no ham have both; 20 of them were under 5.0 on rules alone.
     */
    public static final String BRAND_LURE_RULE = "sender.brand-lure";
    public static final double BRAND_LURE_SCORE = 1.0;

    @Override
    public String name() {
        return "brand-mail";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        brandLure(report);
        Optional<Address> from = message.from();
        if (from.isEmpty() || from.get().domain().isEmpty()) {
            return;
        }
        String registrable = UrlNormalizer.registrable(from.get().domain());
        if (SenderAnalyzer.isFreeMail(from.get().domain()) || ISP_MAILBOXES.contains(registrable)) {
            return; // gmail.com is Google's, but anyone writes from it
        }
        Set<String> brandDomains = brandDomains(registrable);
        boolean workspaces = LinkLists.TENANT_SAAS.contains(registrable);
        boolean government = SenderAnalyzer.isGovernmentDomain(from.get().domain());
        if (brandDomains.isEmpty() && !workspaces && !government) {
            return;
        }
        if (!brandDomains.isEmpty() && userContentLure(brandDomains, from.get().domain(), report)) {
            return;
        }
        for (Attachment attachment : message.attachments()) {
            if (!attachment.declaredType().startsWith("image/")) {
                return;
            }
        }
        for (Finding finding : report.findings()) {
            if (finding.score() > 0 && !WORDING.contains(finding.rule())
                && !(finding.rule().equals("text.lure-payment")
                    && !PAYMENT_DETAILS.matcher(message.leadingText(Lures.MAX_CHARS)).find())) {
                return;
            }
        }
        if (PhoneNumbers.first(message.allText()).isPresent()) {
            // "If you did not authorise this payment, call +1 (888) 555-0199": a callback scam needs no link
            return;
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isPresent() && url.get().scheme().equals("mailto")) {
                continue;
            }
            if (url.isEmpty() || !url.get().isWeb()) {
                return;
            }
            String linkDomain = url.get().registrableDomain();
            if (!brandDomains.contains(linkDomain)
                && !(workspaces && linkDomain.equals(registrable) && ownWorkspace(url.get().host(), registrable, context))
                && !(government && SenderAnalyzer.isGovernmentDomain(url.get().host()))) {
                return;
            }
        }
        if (report.urls().isEmpty()) {
            // No link, no telephone number, no file: replies go to the brand's own domain (a Reply-To elsewhere is a
            // finding), so such mail can only inform. A bank's anti-fraud tips read as phishing to the model otherwise.
            report.add(RULE, SCORE, Category.HAM, "mail from " + from.get().domain() + " with no link, telephone number"
                + " or file: it can take the reader nowhere but a reply to the sender");
            return;
        }
        report.add(RULE, SCORE, Category.HAM, "mail from " + from.get().domain() + " whose every link leads back to "
            + (!brandDomains.isEmpty() ? "the brand's own domains" : workspaces ? "the organisation's own workspace on "
                + registrable : "government domains") + ", asking for nothing else");
    }

    /** Adds {@link #BRAND_LURE_RULE} when a brand's name from elsewhere comes with an account or legal lure. */
    private static void brandLure(ScanReport report) {
        Optional<Finding> lure = report.first(ACCOUNT_LURES);
        if (lure.isPresent() && report.hasRule("sender.brand-name")) {
            report.add(BRAND_LURE_RULE, BRAND_LURE_SCORE, Category.PHISH, "a brand's name from another domain, and the text "
                + Lures.describe(lure.get().rule()) + ": brand phishing's whole shape");
        }
    }

    /** Adds {@link #USER_CONTENT_RULE} when the brand's mail carries an account lure to a page on its own free hosting. */
    private static boolean userContentLure(Set<String> brandDomains, String fromDomain, ScanReport report) {
        Optional<Finding> lure = report.first(ACCOUNT_LURES);
        if (lure.isEmpty()) {
            return false;
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isPresent() && url.get().isWeb() && brandDomains.contains(url.get().registrableDomain())
                && LinkAnalysis.onFreeHosting(url.get().host())) {
                report.add(USER_CONTENT_RULE, USER_CONTENT_SCORE, Category.PHISH, "mail from " + fromDomain + " "
                    + Lures.describe(lure.get().rule()) + " and sends the reader to " + url.get().host()
                    + ", where anyone can publish a page under the brand's name (its notifications relaying an attacker's"
                    + " page, or a signed notice replayed)");
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code host} on the workspace service {@code service} is the service's own site or the
     * organisation's workspace there (acme-corp.okta.com for acme-corp.com): anyone can open a workspace
     * named acme-corp-sso, so no other is.
     */
    private static boolean ownWorkspace(String host, String service, ScanContext context) {
        return host.equals(service) || host.equals("www." + service) || LinkAnalysis.ownWorkspace(host, context.localDomains());
    }

    /** Every domain of the brands that own {@code registrable} (microsoft.com: Microsoft's, Outlook's, Office 365's...). */
    private static Set<String> brandDomains(String registrable) {
        Set<String> domains = new HashSet<>();
        // The brands judged by display name only (Kraken, Ledger, Revolut...) send their own mail as much as the others.
        for (ImmutableSet<String> brand : Iterables.concat(LinkLists.BRANDS.values(), DisplayNames.NAME_BRANDS.values())) {
            if (brand.contains(registrable)) {
                domains.addAll(brand);
            }
        }
        return domains;
    }
}
