package io.rampart.core.sender;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.config.DetectionSettings;
import io.rampart.core.flow.Flow;
import io.rampart.core.links.LinkAnalysis;
import io.rampart.core.links.LinkLists;
import io.rampart.core.links.Lookalikes;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;

/**
 * Who the mail claims to be from versus where it really comes from: display names impersonating
 * the organisation, its departments (财务部, HR, IT Support...) or a brand from an outside or
 * free-mail address; lookalike sender domains; Reply-To and envelope sender diverging from From;
 * SPF/DKIM/DMARC failures recorded in Authentication-Results; a free-mail address sending a document to
 * recipients it hides. Rule ids: {@code sender.*}.
 */
public final class SenderAnalyzer implements Analyzer {
    public static final double IMPERSONATES_LOCAL_SCORE = 3.5;
    public static final double DEPARTMENT_SCORE = 2.5;
    /** A department name over the same department's mailbox at another organisation: a supplier's, or a domain an attacker set up. */
    public static final double DEPARTMENT_OWN_MAILBOX_SCORE = 0.5;
    public static final double NAME_ADDRESS_MISMATCH_SCORE = 2.5;
    public static final double LOOKALIKE_LOCAL_SCORE = 5.0;
    /**
     * The organisation's name under another suffix or with words around it: as telling as a misspelling
     * when a stranger uses it, but a subsidiary or an event site of the organisation's own may too (list
     * those in {@code detection.ownDomains}).
     */
    public static final double COUSIN_LOCAL_SCORE = 4.0;
    public static final double LOOKALIKE_BRAND_SCORE = 3.5;
    public static final double BRAND_NAME_SCORE = 2.5;
    public static final double REPLY_TO_SCORE = 0.3;
    public static final double REPLY_TO_FREEMAIL_SCORE = 1.5;
    public static final double ENVELOPE_SCORE = 0.3;
    public static final double SPF_FAIL_SCORE = 1.0;
    public static final double DKIM_FAIL_SCORE = 0.2;
    public static final double DMARC_FAIL_SCORE = 2.5;
    public static final double FREEMAIL_COMPANY_SCORE = 1.5;
    /**
     * DMARC failing for a well-known brand's own domain (From: notifica@bradesco.com.br sent from elsewhere), on
     * top of sender.dmarc-fail: brands that phishing imitates publish DMARC and send through their own servers,
     * so the failure is a forgery of them, not a forwarding accident of an ordinary sender. 44 corpus phish, no ham.
     */
    public static final double BRAND_SPOOF_SCORE = 2.5;
    public static final double LOCAL_SPOOF_SCORE = 2.5;
    /**
     * A personal (free-mail) address sending a document or archive to recipients it hides (To empty,
     * "undisclosed-recipients" or the sender itself): one person mass-mailing a file, which is how
     * invoice, quotation and "shared document" lures travel. One point: a club secretary mailing a flyer
     * does this too. A reply counts as well: a reply goes to the people of its conversation, and one to
     * hidden recipients is a thread made up for the lure (In-Reply-To and "Re:" are free to write).
     */
    public static final double HIDDEN_RECIPIENTS_DOCUMENT_SCORE = 1.0;
    /**
     * A display name decorated with a trademark sign (©, ®, ™) whose words are not the sending domain's:
     * "Milestone Mastercard®" from j3iba.click, "Support Team, Ledger©" from a university's mailbox. A
     * brand writing from its own domain is not judged; people and mail programs do not write the signs.
     */
    public static final double TRADEMARK_NAME_SCORE = 1.5;
    /**
     * A sender on a Microsoft 365 tenant's default domain (name.onmicrosoft.com): an organisation writes from
     * its own domain, while phishing comes from trial tenants made for it and never given one. The corpus has
     * 10 phishing senders there and no wanted one (until 2026-11-28 they were caught by chance, as a
     * "lookalike" of microsoft two letters away).
     */
    public static final double TENANT_DEFAULT_DOMAIN_SCORE = 2.0;
    /**
     * A display name spelt to deceive: a brand with look-alike letters ("Iedger", "lCIoud"), Cyrillic or Greek
     * letters inside a Latin word ("Мetаmаsk"), invisible characters between its letters, or mathematical bold and
     * italic letters ("𝗡𝗲𝘁𝗳𝗹𝗶𝘅"). Nobody types these; 18 corpus phish have them and no other mail.
     */
    public static final double DISGUISED_NAME_SCORE = 2.5;
    static final int DISGUISED_NAME_HIDDEN_MIN = 2;
    static final int DISGUISED_NAME_STYLED_MIN = 3;
    /**
     * A display name carrying a reference number or random code ("Caixa Tem - Protocolo 186553793753752",
     * "Informa BB: Conta bloqueada - Cod.VXfQMHkaoGC4YFK4kX1"): notice lures number each copy to look official
     * and to differ; organisations put references in the subject, not in their name. 19 corpus phish, no other mail.
     */
    public static final double NAME_REFERENCE_SCORE = 1.5;
    /** A sender under a top-level domain dominated by throwaway registrations (the links' list, LinkLists.RISKY_TLDS). */
    public static final double RISKY_TLD_SCORE = 1.0;
    private static final ImmutableSet<String> DOCUMENT_EXTENSIONS = ImmutableSet.of("pdf", "doc", "docx", "docm", "xls",
        "xlsx", "xlsm", "xlsb", "ppt", "pptx", "pptm", "rtf", "odt", "ods", "zip", "rar", "7z", "gz", "iso", "img", "htm",
        "html", "shtml", "svg");
    private static final Pattern REPLY_SUBJECT = Pattern.compile("(?i)^\\s*(re|aw|sv|antw|答复|回复)\\s*[:：]");

    public static final ImmutableSet<String> FREE_MAIL = ImmutableSet.of("gmail.com", "googlemail.com", "yahoo.com",
        "hotmail.com", "outlook.com", "live.com", "aol.com", "qq.com", "163.com", "126.com", "sina.com", "sina.cn",
        "sohu.com", "yeah.net", "mail.ru", "yandex.ru", "yandex.com", "gmx.com", "gmx.de", "gmx.net", "icloud.com",
        "me.com", "protonmail.com", "proton.me", "yahoo.co.jp", "msn.com", "foxmail.com", "139.com", "aliyun.com",
        "zoho.com", "mail.com", "web.de", "tutanota.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.fr", "hotmail.fr",
        "libero.it", "rediffmail.com", "tom.com", "21cn.com", "naver.com", "daum.net", "inbox.ru", "bk.ru",
        "list.ru", "rambler.ru", "ymail.com", "rocketmail.com", "163.net", "263.net", "sogou.com", "vip.qq.com",
        "vip.163.com", "vip.126.com", "188.com", "vip.sina.com", "vip.sohu.com");

    /**
     * Whether {@code domain} is a free-mail provider's mailbox domain. Exactly: the provider's own service hosts
     * under it (work.weixin.qq.com, WeCom's notices) are the provider writing, not one of its users; the paid
     * mailboxes that live on a subdomain (vip.qq.com, vip.163.com) are listed. No corpus sender is on any other
     * subdomain of these providers.
     */
    public static boolean isFreeMail(String domain) {
        return FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static final Pattern DEPARTMENT = Pattern.compile(
        "(?i)(\\bfinance\\b|\\baccounts? (payable|department)\\b|\\bpayroll\\b|\\bhuman resources\\b|\\bhr\\b|"
            + "\\bit[ -]?(support|service ?desk|help ?desk|department|team|admin|security)\\b|\\bhelp ?desk\\b|\\bservice ?desk\\b|"
            + "\\b(system|mail|email|e-mail|webmail|mailbox) ?(admin|administrator|support|team)\\b|\\badministrator\\b|"
            + "\\bpostmaster\\b|\\bceo\\b|\\bchief executive\\b|\\bcfo\\b|\\bsecurity team\\b|"
            + "财务|人事|人力资源|行政部|IT ?支持|技术支持|信息中心|网络中心|管理员|系统管理|邮件中心|邮箱中心|总经理|董事长|办公室)");
    /**
     * A tax office, social-security office, police, court or customs in the display name ("IRS", "HMRC", "GOV.UK",
     * 国家税务总局, 社保局, 公安局): tax-refund and fine lures are among the commonest phishing in English and
     * Chinese, and authorities write from their governments' domains ({@link #GOVERNMENT_DOMAIN}). Only names of
     * authorities, not words about them ("tax", "government"), so a tax adviser's newsletter is not judged.
     */
    public static final double GOVERNMENT_NAME_SCORE = 2.5;
    private static final Pattern GOVERNMENT = Pattern.compile(
        "(?i)(\\birs\\b|internal revenue service|\\bhmrc\\b|hm revenue|\\bgov\\.uk\\b|canada revenue agency"
            + "|australian taxation office|social security administration|department of (the )?treasury"
            + "|federal trade commission|department of homeland security|federal bureau of investigation"
            + "|ministry of finance|federal tax service|\\bdvla\\b|\\bdmv\\b|department of motor vehicles"
            // Tax, social-security, police and vehicle offices of Brazil, Italy, Spain, France and the Netherlands
            + "|receita federal|pol[ií]cia federal|\\binss\\b|\\bdetran\\b|agenzia delle entrate|guardia di finanza"
            + "|agencia tributaria|finances publiques|\\bdgfip\\b|belastingdienst"
            // ... and their traffic-fine and tax-refund offices, the senders of 2025's European fine lures (the
            // Finanzamt too, now that the German states' own domains are government domains: finanzamt.bayern.de),
            // and the US federal courts of subpoena lures (uscourts.gov)
            + "|\\bdgt\\b|direcci[oó]n general de tr[aá]fico|\\bantai\\b|\\belster\\b|bundeszentralamt f[üu]r steuern|\\bfinanzamt\\b"
            + "|\\b(u\\.? ?s\\.?|united states) (district|bankruptcy) court\\b"
            + "|税务总局|税务局|国家税务|社保局|社会保障局|医保局|医疗保障局|人力资源和社会保障|人社局|公安局|公安部|人民法院|检察院"
            + "|海关总署|财政部|财政局|市场监督管理局|国务院"
            // financial regulators and the central bank's credit-reference centre (the 征信 / 校园贷 scripts)
            + "|银保监会|银保监局|金融监管总局|国家金融监督管理总局|证监会|中国人民银行|人民银行|征信中心)");
    /**
     * A billionaire or money celebrity in the display name ("Eco Savings by Elon Musk", "Mr. Warren Buffett
     * Billionaire investor", 马云): the faces of crypto-giveaway and investment scams. They do not write
     * to strangers from other people's domains; their companies' own domains are excused. 5 corpus phish, no ham.
     */
    public static final double CELEBRITY_NAME_SCORE = 2.0;
    private static final Pattern CELEBRITY = Pattern.compile(
        "(?i)(\\belon musk\\b|\\bbill gates\\b|\\bwarren buffett?\\b|\\bjeff bezos\\b|\\bmark zuckerberg\\b"
            + "|\\brichard branson\\b|\\bmartin lewis\\b|\\bvitalik buterin\\b|\\bmichael saylor\\b|马斯克|马云|比尔·?盖茨|巴菲特)");
    private static final ImmutableSet<String> CELEBRITY_DOMAINS = ImmutableSet.of("tesla.com", "spacex.com", "x.com",
        "twitter.com", "gatesnotes.com", "gatesfoundation.org", "microsoft.com", "berkshirehathaway.com", "amazon.com",
        "facebookmail.com", "facebook.com", "meta.com", "virgin.com", "moneysavingexpert.com", "ethereum.org",
        "microstrategy.com", "strategy.com", "alibaba-inc.com", "linkedin.com");
    /**
     * A government's domain: .gov and .mil, gov/gouv/gob/go/govt under a country, Canada's gc.ca, the EU's europa.eu,
     * Germany's federal bund.de and its states' own domains (their tax offices write from finanzamt.bayern.de,
     * finanzamt.nrw.de...; the city-states' portals berlin.de, hamburg.de and bremen.de are their governments' too).
     */
    private static final Pattern GOVERNMENT_DOMAIN = Pattern.compile(
        "(?i)(^|\\.)((gov|mil)|(gov|gouv|gob|go|govt|gv)\\.[a-z]{2}|gc\\.ca|europa\\.eu|bund\\.de"
            + "|(bayern|nrw|niedersachsen|hessen|sachsen|sachsen-anhalt|baden-wuerttemberg|bwl|rlp|saarland|schleswig-holstein"
            + "|brandenburg|regierung-mv|mv-regierung|thueringen|berlin|hamburg|bremen)\\.de)$");

    /** Whether {@code domain} is under a government's own suffix (irs.gov, antai.gouv.fr, chinatax.gov.cn, gc.ca). */
    public static boolean isGovernmentDomain(String domain) {
        return GOVERNMENT_DOMAIN.matcher(domain).find();
    }

    private static final Pattern COMPANY_WORDS = Pattern.compile(
        "(?i)(\\b(inc|ltd|llc|gmbh|corp|corporation|company|bank|billing|support|service|services|team|security|"
            + "customer care|account|accounts|department|official)\\b|公司|银行|客服|服务中心|官方)");
    private static final Pattern ADDRESS_IN_NAME = Pattern.compile("[\\w.%+-]+@([\\w-]+(\\.[\\w-]+)+)");
    private static final Pattern AUTH_RESULT = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(\\w+)");

    private final DetectionSettings settings;
    /** Every brand a display name is compared with, prepared once: the link brands, then the name-only ones. */
    private final ImmutableList<NamedBrand> namedBrands;

    public SenderAnalyzer(DetectionSettings settings) {
        this.settings = settings;
        ImmutableList.Builder<NamedBrand> named = ImmutableList.builder();
        brands().forEach((key, domains) -> named.add(new NamedBrand(key, domains, false)));
        DisplayNames.NAME_BRANDS.forEach((key, domains) -> named.add(new NamedBrand(key, domains, true)));
        // Shorter names are not judged: two letters are initials, except two Chinese characters (京东, 钉钉).
        this.namedBrands = named.build().stream().filter(brand -> brand.squashed.length() >= (brand.chinese ? 2 : 3))
            .collect(ImmutableList.toImmutableList());
    }

    /** A brand as display names are compared with it. */
    private static final class NamedBrand {
        final String key;
        final String squashed;
        final String skeleton;
        final ImmutableSet<String> domains;
        final boolean nameOnly;
        /** CJK names: two characters are a name, and no spaces part words. */
        final boolean chinese;
        final boolean severalWords;

        NamedBrand(String key, ImmutableSet<String> domains, boolean nameOnly) {
            this.key = key;
            this.squashed = key.replace(" ", "");
            this.skeleton = DisplayNames.skeleton(squashed);
            this.domains = domains;
            this.nameOnly = nameOnly;
            this.chinese = key.charAt(0) >= '\u2e80';
            this.severalWords = key.contains(" ");
        }
    }

    @Override
    public String name() {
        return "sender";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        if (!message.from().isPresent()) {
            return;
        }
        Address from = message.from().get();
        String domain = from.domain();
        String registrable = UrlNormalizer.registrable(domain);
        boolean local = !domain.isEmpty() && context.isLocalDomain(domain);
        boolean freeMail = isFreeMail(domain);
        // As the reader sees it: "d͏o͏n͏o͏t͏r͏e͏p͏l͏y͏@e͏v͏r͏i͏.c͏o͏m͏" shows an address, "A͏m͏a͏z͏o͏n" a brand.
        String name = DisplayNames.visible(from.displayName().orElse(""));
        String lowerName = name.toLowerCase(Locale.ROOT);
        Auth auth = authentication(message);

        if (!local) {
            impersonation(context, from, lowerName, freeMail, report);
        } else if (context.flow() == Flow.INBOUND && !context.authenticatedUser().isPresent()
            && (auth.failed("dmarc") || auth.failed("spf"))) {
            report.add("sender.local-spoof", LOCAL_SPOOF_SCORE, Category.PHISH,
                "inbound mail claims the local address " + from.address() + " but its authentication failed");
        }
        Matcher inName = ADDRESS_IN_NAME.matcher(name);
        if (inName.find() && !UrlNormalizer.registrable(inName.group(1).toLowerCase(Locale.ROOT)).equals(registrable)) {
            report.add("sender.name-address-mismatch", NAME_ADDRESS_MISMATCH_SCORE, Category.PHISH,
                "display name shows " + inName.group() + " but the mail is from " + from.address());
        }
        if (!local && !domain.isEmpty()) {
            lookalike(context, domain, registrable, report);
            boolean disguisedBrand = brandName(name, registrable, from, report);
            trademarkName(name, registrable, from, report);
            if (!disguisedBrand) {
                disguisedName(from.displayName().orElse(""), name, report);
            }
            DisplayNames.referenceCode(name, from.address()).ifPresent(code -> report.add("sender.name-reference",
                NAME_REFERENCE_SCORE, Category.PHISH, "display name '" + name + "' carries the code '" + code
                    + "', as notice-style lures number each copy"));
            if (domain.endsWith(".onmicrosoft.com")) {
                report.add("sender.tenant-default-domain", TENANT_DEFAULT_DOMAIN_SCORE, Category.PHISH, "sender "
                    + from.address() + " writes from a Microsoft 365 tenant's default domain, not an organisation's own");
            }
            String suffix = UrlNormalizer.publicSuffix(domain);
            // Counted once per domain: when the mail links to the sender's own site, link.risky-tld has scored it.
            if (LinkLists.RISKY_TLDS.contains(suffix) && !settings.ownDomains().contains(registrable)
                && report.urls().stream().map(UrlNormalizer::normalize).flatMap(Optional::stream)
                    .noneMatch(url -> UrlNormalizer.registrable(url.host()).equals(registrable))) {
                report.add("sender.risky-tld", RISKY_TLD_SCORE, Category.SPAM,
                    "sender " + from.address() + " is under the throwaway top-level domain ." + suffix);
            }
        }
        replyTo(message, from, report);
        context.envelopeSender().filter(s -> s.contains("@")).ifPresent(envelope -> {
            String envelopeDomain = UrlNormalizer.registrable(envelope.substring(envelope.lastIndexOf('@') + 1));
            if (!envelopeDomain.equals(registrable)) {
                report.add("sender.envelope-divergence", ENVELOPE_SCORE, Category.SPAM,
                    "envelope sender " + envelope + " differs from From " + from.address());
            }
        });
        if (auth.failed("dmarc") && !local) {
            brands().entrySet().stream().filter(brand -> brand.getValue().contains(registrable)).findFirst().ifPresent(brand ->
                report.add("sender.brand-spoof", BRAND_SPOOF_SCORE, Category.PHISH, "From " + from.address() + " is "
                    + brand.getKey() + "'s own domain, but DMARC failed: the mail was not sent by " + brand.getKey()));
        }
        for (Map.Entry<String, String> failure : auth.failures.entrySet()) {
            double score = failure.getKey().equals("dmarc") ? DMARC_FAIL_SCORE
                : failure.getKey().equals("spf") ? SPF_FAIL_SCORE : DKIM_FAIL_SCORE;
            report.add("sender." + failure.getKey() + "-fail", score, Category.PHISH,
                failure.getKey().toUpperCase(Locale.ROOT) + "=" + failure.getValue() + " for " + domain
                    + " in Authentication-Results");
        }
        if (freeMail && !lowerName.isEmpty() && COMPANY_WORDS.matcher(lowerName).find()) {
            report.add("sender.freemail-company", FREEMAIL_COMPANY_SCORE, Category.PHISH,
                "'" + name + "' writes from the free-mail address " + from.address());
        }
        if (freeMail && !local && context.flow() == Flow.INBOUND && hidesRecipients(message, from)) {
            document(message).ifPresent(file -> report.add("sender.hidden-recipients-document",
                HIDDEN_RECIPIENTS_DOCUMENT_SCORE, Category.PHISH,
                "the free-mail address " + from.address() + " sends " + file + " to recipients it hides"));
        }
    }

    /** Whether the mail answers another (In-Reply-To, References, or a "Re:" subject). */
    public static boolean isReply(ParsedMessage message) {
        return message.header("In-Reply-To").isPresent() || message.header("References").isPresent()
            || REPLY_SUBJECT.matcher(message.subject()).find();
    }

    /** No visible recipient but, at most, the sender itself: everyone it went to is in Bcc. */
    private static boolean hidesRecipients(ParsedMessage message, Address from) {
        return message.cc().isEmpty() && message.to().stream().allMatch(to -> to.address().equalsIgnoreCase(from.address()));
    }

    private static Optional<String> document(ParsedMessage message) {
        for (Attachment attachment : message.attachments()) {
            // Inline or not: Apple Mail shows PDFs inline, and a sender can mark any file so.
            Optional<String> name = attachment.fileName();
            if (name.isPresent()) {
                String lower = name.get().toLowerCase(Locale.ROOT);
                String extension = lower.substring(lower.lastIndexOf('.') + 1);
                if (lower.contains(".") && DOCUMENT_EXTENSIONS.contains(extension)) {
                    return Optional.of("'" + name.get() + "'");
                }
            }
        }
        return Optional.empty();
    }

    private void impersonation(ScanContext context, Address from, String lowerName, boolean freeMail,
                               ScanReport report) {
        if (lowerName.isEmpty()) {
            return;
        }
        for (String local : context.localDomains()) {
            String label = UrlNormalizer.firstLabel(UrlNormalizer.registrable(local));
            if (lowerName.contains(local) || (label.length() >= 4 && containsWord(lowerName, label))) {
                report.add("sender.impersonates-local", IMPERSONATES_LOCAL_SCORE, Category.PHISH,
                    "display name '" + from.displayName().get() + "' claims " + local + " but the mail is from "
                        + from.address());
                return;
            }
        }
        Matcher department = DEPARTMENT.matcher(lowerName);
        if (department.find() && (!context.localDomains().isEmpty() || freeMail)
            && (freeMail || !namesOwnOrganisation(lowerName, from.domain()))) {
            boolean ownMailbox = !freeMail && departmentsOwnMailbox(department.group().toLowerCase(Locale.ROOT), from)
                && !domainPlaysDepartment(from.domain());
            report.add("sender.department", ownMailbox ? DEPARTMENT_OWN_MAILBOX_SCORE : DEPARTMENT_SCORE, Category.PHISH,
                "display name '" + from.displayName().get() + "' poses as a department ('" + department.group()
                    + "') from the outside address " + from.address()
                    + (ownMailbox ? " (a mailbox of that name there: perhaps that organisation's own)" : ""));
        }
        Matcher government = GOVERNMENT.matcher(lowerName);
        boolean found = government.find();
        boolean disguised = false;
        if (!found) {
            // "lRS.GOV": a small l or a 1 beside a capital reads as an I, a 0 beside a capital as an O.
            String undisguised = DisplayNames.capitalLookalikes(DisplayNames.visible(from.displayName().orElse("")));
            government = GOVERNMENT.matcher(undisguised.toLowerCase(Locale.ROOT));
            found = government.find();
            disguised = found;
        }
        // An authority's own domain outside the government patterns is its name (belastingdienst.nl); a domain
        // holding its name or one of its words beside others (dvla-penalty-services, entrate-servizi) is one
        // registered to pose as it.
        if (found && !isGovernmentDomain(from.domain())
            && !UrlNormalizer.firstLabel(UrlNormalizer.registrable(from.domain())).replace("-", "")
                .equals(government.group().replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT))) {
            report.add("sender.government-name", GOVERNMENT_NAME_SCORE, Category.PHISH, "display name '"
                + from.displayName().get() + "' names a government authority ('" + government.group()
                + "') but the mail is from " + from.address() + ", not a government domain");
            if (disguised) {
                report.add("sender.disguised-name", DISGUISED_NAME_SCORE, Category.PHISH, "display name '"
                    + from.displayName().get() + "' spells '" + government.group() + "' with letters that only look like"
                    + " its own");
            }
        }
        Matcher celebrity = CELEBRITY.matcher(lowerName);
        if (celebrity.find() && !CELEBRITY_DOMAINS.contains(UrlNormalizer.registrable(from.domain()))) {
            report.add("sender.celebrity-name", CELEBRITY_NAME_SCORE, Category.PHISH, "display name '"
                + from.displayName().get() + "' names " + celebrity.group() + ", the face of giveaway and investment"
                + " scams, on mail from " + from.address());
        }
    }

    private void lookalike(ScanContext context, String domain, String registrable, ScanReport report) {
        String label = UrlNormalizer.firstLabel(registrable);
        // The organisation's own other domains (detection.ownDomains) imitate nothing of it.
        for (String local : settings.ownDomains().contains(registrable) ? ImmutableSet.<String>of() : context.localDomains()) {
            String localRegistrable = UrlNormalizer.registrable(local);
            if (registrable.equals(localRegistrable)) {
                continue;
            }
            String localLabel = UrlNormalizer.firstLabel(localRegistrable);
            if (Lookalikes.imitates(label, localLabel)) {
                report.add("sender.lookalike-local", LOOKALIKE_LOCAL_SCORE, Category.PHISH,
                    "sender domain " + domain + " imitates the local domain " + local);
                return;
            }
            // Cousin domains registered for payment fraud: the organisation's own name under another
            // suffix (acme-corp.co) or with words around it (acme-corp-payments.com, secure-acmecorp.com).
            if (localLabel.length() >= 4 && label.equals(localLabel)) {
                report.add("sender.lookalike-local", COUSIN_LOCAL_SCORE, Category.PHISH,
                    "sender domain " + domain + " is the local name '" + localLabel + "' under another suffix than " + local);
                return;
            }
            if (localLabel.length() >= 5 && Lookalikes.containsName(label, localLabel)) {
                report.add("sender.lookalike-local", COUSIN_LOCAL_SCORE, Category.PHISH,
                    "sender domain " + domain + " wraps the local name '" + localLabel + "' in other words");
                return;
            }
            if (Lookalikes.posesByFirstWord(label, localLabel)) {
                report.add("sender.lookalike-local", LinkAnalysis.FIRST_WORD_LOCAL_SCORE, Category.PHISH, "sender domain " + domain
                    + " is the first word of the local name '" + localLabel + "' with words of its staff's services");
                return;
            }
            // voicemail@acme-corp.com.vm-notify.net, it@acme-corp.mail-secure.net: the reader sees the own domain
            // first. Not a workspace named after the organisation on a service (acme-corp.zendesk.com).
            String subdomains = domain.length() > registrable.length() + 1
                ? domain.substring(0, domain.length() - registrable.length() - 1) : "";
            if (localLabel.length() >= 4 && Lookalikes.containsName(subdomains, localLabel)
                && !LinkAnalysis.ownWorkspace(domain, ImmutableSet.of(local))) {
                report.add("sender.lookalike-local", COUSIN_LOCAL_SCORE, Category.PHISH,
                    "sender domain " + domain + " puts the local name '" + localLabel + "' in front of " + registrable);
                return;
            }
        }
        for (Map.Entry<String, ImmutableSet<String>> brand : brands().entrySet()) {
            if (brand.getValue().contains(registrable) || label.equals(brand.getKey())) {
                continue;
            }
            if (Lookalikes.imitates(label, brand.getKey())) {
                report.add("sender.lookalike-brand", LOOKALIKE_BRAND_SCORE, Category.PHISH,
                    "sender domain " + domain + " imitates " + brand.getKey());
                return;
            }
        }
    }

    /** Reports a brand the display name claims; returns whether it spelt the brand with look-alike letters. */
    private boolean brandName(String name, String registrable, Address from, ScanReport report) {
        if (name.isEmpty()) {
            return false;
        }
        String plain = DisplayNames.plain(name);
        String squashed = plain.replaceAll("[^\\p{L}\\p{N}]", "");
        String[] words = plain.replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
        String label = UrlNormalizer.firstLabel(registrable);
        DisplayNames.Letters letters = new DisplayNames.Letters(name);
        for (NamedBrand brand : namedBrands) {
            String key = brand.key;
            // Nobody, not the brand itself, spells its name with look-alike letters.
            Optional<String> disguise = DisplayNames.disguisedBrand(letters, brand.squashed, brand.skeleton);
            // A name-only brand is a word: "Ripple Effect Consulting" at rippleeffect.com is not Ripple (but
            // "GitHub" at githubsupport.com is not GitHub either).
            boolean own = brand.domains.contains(registrable) || label.equals(brand.squashed)
                || brand.nameOnly && label.contains(brand.squashed)
                    && !SERVICE_LABEL.matcher(label.replace(brand.squashed, "").replace("-", "")).matches();
            // Squeezed together ("SUSHI SWAP", "BancodoBrasil"): long names, and name-only ones only when
            // several words or too long to be part of an ordinary word ("General Ledgers" is not Ledger).
            boolean squeezed = brand.nameOnly ? brand.severalWords || brand.squashed.length() >= 8 : brand.squashed.length() >= 6;
            // A name-only brand that is a word names the sender only at either end of the name ("Ledger
            // Security", "Support Team, Ledger"), not inside a title ("The Ripple Effect" newsletter).
            boolean asWord = brand.chinese ? plain.contains(key)
                : brand.nameOnly && !brand.severalWords ? words[0].equals(key) || words[words.length - 1].equals(key)
                : containsWord(plain, key);
            boolean claimed = disguise.isPresent() || !own && (asWord || squeezed && squashed.contains(brand.squashed));
            if (claimed && (brand.severalWords || !personNamed(plain, key, from))) {
                report.add("sender.brand-name", BRAND_NAME_SCORE, Category.PHISH, "display name '" + name
                    + "' claims " + key + disguise.map(written -> " (spelt '" + written + "' with look-alike letters)")
                        .orElse("") + " but the mail is from " + from.address());
                disguise.ifPresent(written -> report.add("sender.disguised-name", DISGUISED_NAME_SCORE,
                    Category.PHISH, "display name spells " + key + " as '" + written + "', with letters that only look"
                        + " like its own"));
                return disguise.isPresent();
            }
        }
        return false;
    }

    /**
     * Display names written with characters nobody types: mathematical bold or italic letters, Cyrillic or Greek
     * letters inside a Latin word, or invisible and foreign combining characters between the letters (a brand spelt
     * so has been reported by {@link #brandName} already). {@code raw} is the name as written, {@code visible} as read.
     */
    private void disguisedName(String raw, String visible, ScanReport report) {
        Optional<String> mixed = DisplayNames.mixedScriptWord(visible);
        int hidden = DisplayNames.hiddenBetweenLetters(raw);
        if (DisplayNames.mathematicalLetters(raw) >= DISGUISED_NAME_STYLED_MIN) {
            report.add("sender.disguised-name", DISGUISED_NAME_SCORE, Category.PHISH, "display name '" + raw
                + "' is written in styled mathematical letters (read '" + visible + "'), which word filters do not read"
                + " as letters");
        } else if (mixed.isPresent()) {
            report.add("sender.disguised-name", DISGUISED_NAME_SCORE, Category.PHISH, "display name '" + raw
                + "' mixes Cyrillic or Greek letters into the Latin word '" + mixed.get() + "'");
        } else if (hidden >= DISGUISED_NAME_HIDDEN_MIN) {
            report.add("sender.disguised-name", DISGUISED_NAME_SCORE, Category.PHISH, "display name '" + visible
                + "' hides " + hidden + " invisible or foreign combining characters between its letters");
        }
    }

    /** What a domain registered to pose as a brand adds to its name: githubsupport, ledger-secure, ripplewallet. */
    private static final Pattern SERVICE_LABEL = Pattern.compile(
        "(?:support|secure|security|help|team|service|services|account|accounts|verify|verification|login|notice"
            + "|notify|notification|notifications|alert|alerts|update|updates|wallet|app|online|mail|info|noreply|live"
            + "|official|center|centre|desk|share|shared|workspace|recording|recordings|docs|files)+");

    private static final Pattern TRADEMARK_SIGN = Pattern.compile("[\u00a9\u00ae\u2122]");

    private void trademarkName(String name, String registrable, Address from, ScanReport report) {
        if (!TRADEMARK_SIGN.matcher(name).find()) {
            return;
        }
        String domainLetters = UrlNormalizer.firstLabel(registrable).replaceAll("[^\\p{L}\\p{N}]", "");
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && domainLetters.contains(word)) {
                return;
            }
        }
        report.add("sender.trademark-name", TRADEMARK_NAME_SCORE, Category.PHISH,
            "display name '" + name + "' carries a trademark sign but none of its words is the sender's domain "
                + from.domain());
    }

    /**
     * Words a brand's own mail puts beside its name besides {@link #COMPANY_WORDS}; with them, a display
     * name is not a person's.
     */
    private static final Pattern SERVICE_WORDS = Pattern.compile(
        "\\b(?:banking|secure|alerts?|online|customer|care|notifications?|cards?|help|helpdesk|verification|verify"
            + "|update|updates|no-?reply|info|admin|dept|center|centre|wallet|store|shop|pay|payments?"
            // products named beside the brand: "Adobe Acrobat Sign" from echosign@ is no person called Sign
            + "|sign|docs|drive|cloud|teams|prime|acrobat|workspace|business|id|music|ads)\\b");

    /**
     * Whether the display name is a person's name that happens to hold a brand's name ("Chase Miller"
     * writing as chase.miller@..., "Apple Johnson" as apple.johnson@...): two or three plain words, none
     * that a brand's own mail puts beside its name (Bank, Support, Security...), and a word other than the
     * brand's in the address's local part beside the brand's word or its initial, as people's addresses carry
     * their names.
     */
    private static boolean personNamed(String lowerName, String brand, Address from) {
        String[] words = lowerName.replaceAll("^[\\s,]+|[\\s,]+$", "").split("[\\s,]+"); // "Miller, Chase" too
        if (words.length < 2 || words.length > 3 || COMPANY_WORDS.matcher(lowerName).find()
            || SERVICE_WORDS.matcher(lowerName).find()) {
            return false;
        }
        String localPart = from.localPart().toLowerCase(Locale.ROOT);
        boolean otherWordInAddress = false;
        for (String word : words) {
            if (!word.matches("\\p{L}+(?:[-'.]\\p{L}+)*\\.?")) {
                return false;
            }
            String bare = word.replaceAll("[-'.]", "");
            if (!bare.equals(brand) && bare.length() >= 3 && localPart.contains(bare)) {
                otherWordInAddress = true;
            }
        }
        // A person's address carries the brand-named part of the name too, whole or as an initial (chase.miller,
        // cmiller, millerc); a service mailbox carries only the other word ("Sparkasse Kundenservice" at
        // kundenservice@, "Adobe Acrobat Sign" at echosign@).
        String letters = localPart.replaceAll("[^\\p{L}]", "");
        return otherWordInAddress && (letters.contains(brand) || letters.startsWith(brand.substring(0, 1))
            || letters.endsWith(brand.substring(0, 1)));
    }

    /** Mailbox names of a finance, an HR and an IT support department, by the department words that name them. */
    private static final ImmutableList<Map.Entry<Pattern, ImmutableSet<String>>> DEPARTMENT_MAILBOXES = ImmutableList.of(
        Map.entry(Pattern.compile("financ|account|payroll|财务"), ImmutableSet.of("finance", "accounts", "account",
            "accounting", "payroll", "billing", "invoices", "invoice", "ap", "ar", "payables", "receivables", "caiwu")),
        Map.entry(Pattern.compile("\\bhr\\b|human resources|人事|人力资源"), ImmutableSet.of("hr", "humanresources",
            "people", "recruiting", "recruitment", "talent", "careers", "jobs", "renshi")),
        Map.entry(Pattern.compile("\\bit\\b|help ?desk|service ?desk|it ?支持|技术支持"), ImmutableSet.of("support",
            "helpdesk", "servicedesk", "it", "itsupport", "techsupport", "service")));

    /**
     * Whether the address is the department's own mailbox at the sender's organisation ("Finance Department"
     * writing from finance@supplier, "IT Support" from support@ the managed-service provider): then the
     * department may be the sender's, and the name counts {@link #DEPARTMENT_OWN_MAILBOX_SCORE}, not
     * {@link #DEPARTMENT_SCORE}. Not nothing: the commonest Chinese phishing writes as 财务部 from
     * caiwu@ a domain registered for it. Only finance, HR and IT support, the departments organisations
     * write to each other from; a "Mail Administrator", "Postmaster" or "CEO" of another organisation has
     * no business with our people, and an attacker writing from a stolen account writes from a person's
     * mailbox.
     */
    private static boolean departmentsOwnMailbox(String department, Address from) {
        String localPart = from.localPart().toLowerCase(Locale.ROOT);
        String joined = localPart.replaceAll("[^a-z]", "");
        for (Map.Entry<Pattern, ImmutableSet<String>> family : DEPARTMENT_MAILBOXES) {
            if (!family.getKey().matcher(department).find()) {
                continue;
            }
            for (String token : localPart.split("[^a-z]+")) {
                if (family.getValue().contains(token)) {
                    return true;
                }
            }
            for (String mailbox : family.getValue()) {
                if (mailbox.length() >= 5 && joined.contains(mailbox)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Department words an organisation's own name is hardly made of: a domain built of them was registered to play the
     * department. Not finance, payroll, billing or recruiting: lenders, payroll providers and agencies are named so.
     */
    private static final ImmutableSet<String> DEPARTMENT_DOMAIN_WORDS = ImmutableSet.of("caiwu", "renshi", "humanresources",
        "payables", "receivables", "helpdesk", "servicedesk", "itsupport", "itservicedesk");

    /**
     * Whether the sending domain is itself made of a department's words (helpdesk@it-support-desk365.com,
     * hr-notice@hr-payroll-portal.com): then a department's mailbox there is no other organisation's own department but
     * the costume, and earns no discount.
     */
    private static boolean domainPlaysDepartment(String domain) {
        String label = UrlNormalizer.firstLabel(UrlNormalizer.registrable(domain)).replaceAll("[^a-z]", "");
        for (String word : DEPARTMENT_DOMAIN_WORDS) {
            if (label.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a display name names the sender's own organisation ("Northwind Accounts Payable" from
     * northwind-traders.com): then its department is the sender's, not one of ours.
     */
    private static boolean namesOwnOrganisation(String lowerName, String domain) {
        for (String part : UrlNormalizer.firstLabel(UrlNormalizer.registrable(domain)).split("-")) {
            if (part.length() >= 4 && containsWord(lowerName, part)) {
                return true;
            }
        }
        return false;
    }

    private void replyTo(ParsedMessage message, Address from, ScanReport report) {
        divertedReplyTo(message, from).ifPresent(replyTo -> {
            boolean free = isFreeMail(replyTo.domain());
            report.add("sender.reply-to-divergence", free ? REPLY_TO_FREEMAIL_SCORE : REPLY_TO_SCORE, Category.PHISH,
                "replies go to " + replyTo.address() + (free ? " (free mail)" : "") + ", not to " + from.address());
        });
    }

    /**
     * The first Reply-To address in another registrable domain than {@code from}'s, if any. Not on a mailing list's
     * mail when either side is the list's own posting address (List-Post, or Mailing-List as Yahoo Groups wrote it):
     * a list that sets Reply-To to itself, and a list that rewrites From to itself for DMARC ("Ann via users"
     * <users@lists.example.org>) with the poster in Reply-To, divert nothing.
     */
    public static java.util.Optional<Address> divertedReplyTo(ParsedMessage message, Address from) {
        if (message.replyTo().isEmpty()) {
            return java.util.Optional.empty();
        }
        String registrable = UrlNormalizer.registrable(from.domain());
        java.util.Optional<String> list = listAddress(message);
        if (list.isPresent() && from.address().equalsIgnoreCase(list.get())) {
            return java.util.Optional.empty();
        }
        for (Address replyTo : message.replyTo()) {
            if (!replyTo.domain().isEmpty() && !UrlNormalizer.registrable(replyTo.domain()).equals(registrable)
                && !(list.isPresent() && replyTo.address().equalsIgnoreCase(list.get()))) {
                return java.util.Optional.of(replyTo);
            }
        }
        return java.util.Optional.empty();
    }

    private static final Pattern LIST_POST = Pattern.compile("(?i)<mailto:([^>?\\s]+@[^>?\\s]+)");
    private static final Pattern MAILING_LIST = Pattern.compile("(?i)^\\s*list\\s+([^;\\s]+@[^;\\s]+)");

    /** The posting address of the mailing list the message came through, if its headers name one. */
    static java.util.Optional<String> listAddress(ParsedMessage message) {
        java.util.Optional<String> post = message.header("List-Post").map(LIST_POST::matcher).filter(Matcher::find)
            .map(matcher -> matcher.group(1));
        return post.isPresent() ? post : message.header("Mailing-List").map(MAILING_LIST::matcher).filter(Matcher::find)
            .map(matcher -> matcher.group(1));
    }

    private Map<String, ImmutableSet<String>> brands() {
        if (settings.brands().isEmpty()) {
            return LinkLists.BRANDS;
        }
        java.util.LinkedHashMap<String, ImmutableSet<String>> all = new java.util.LinkedHashMap<>(LinkLists.BRANDS);
        for (String domain : settings.brands()) {
            all.putIfAbsent(UrlNormalizer.firstLabel(domain), ImmutableSet.of(domain));
        }
        return all;
    }

    private static boolean containsWord(String text, String word) {
        int index = text.indexOf(word);
        while (index >= 0) {
            boolean startOk = index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1));
            int end = index + word.length();
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            index = text.indexOf(word, index + 1);
        }
        return false;
    }

    /** SPF/DKIM/DMARC failures from the first Authentication-Results header (the nearest, our own MTA's). */
    static Auth authentication(ParsedMessage message) {
        Auth auth = new Auth();
        List<String> values = message.headerValues("Authentication-Results");
        if (values.isEmpty()) {
            return auth;
        }
        Matcher matcher = AUTH_RESULT.matcher(values.get(0));
        while (matcher.find()) {
            String method = matcher.group(1).toLowerCase(Locale.ROOT);
            String result = matcher.group(2).toLowerCase(Locale.ROOT);
            if (ImmutableList.of("fail", "softfail", "permerror").contains(result)
                && !(method.equals("spf") && result.equals("softfail"))) {
                auth.failures.putIfAbsent(method, result);
            }
        }
        return auth;
    }

    static final class Auth {
        final Map<String, String> failures = new java.util.LinkedHashMap<>();

        boolean failed(String method) {
            return failures.containsKey(method);
        }

        Optional<String> result(String method) {
            return Optional.ofNullable(failures.get(method));
        }
    }
}
