package io.rampart.core.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;


import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.LinkLists;
import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/**
 * What the text says and hides: lure language (credentials, account suspension, payment,
 * urgency) in English and Chinese, words disguised to slip past filters, and HTML text concealed
 * from the reader. Rule ids:
 * {@code text.*}, {@code html.*}.
 */
public final class ContentAnalyzer implements Analyzer {
    public static final double CREDENTIALS_SCORE = 2.0;
    public static final double SUSPENSION_SCORE = 1.5;
    public static final double PAYMENT_SCORE = 0.5;
    public static final double URGENCY_SCORE = 0.5;
    public static final double BULK_SCORE = 1.0;
    /** Each different bulk phrase past the first ({@link Lures#distinct}), up to {@link #BULK_MAX_SCORE}. */
    public static final double BULK_EXTRA_SCORE = 0.5;
    public static final double BULK_MAX_SCORE = 2.5;
    /** A fraud's story is specific: no ham in the corpus tells one (see {@link Lures}). */
    public static final double SCAM_SCORE = 2.0;
    /** As much as a threat to the account: a threat with the law is the same pressure. */
    public static final double LEGAL_SCORE = 1.5;
    public static final double COMBINATION_SCORE = 1.0;
    private static final java.util.Map<Lures.Family, Double> FAMILY_SCORES = new java.util.EnumMap<>(
        com.google.common.collect.ImmutableMap.<Lures.Family, Double>builder()
            .put(Lures.Family.CREDENTIALS, CREDENTIALS_SCORE).put(Lures.Family.SUSPENSION, SUSPENSION_SCORE)
            .put(Lures.Family.PAYMENT, PAYMENT_SCORE).put(Lures.Family.URGENCY, URGENCY_SCORE)
            .put(Lures.Family.BULK, BULK_SCORE).put(Lures.Family.SCAM, SCAM_SCORE)
            .put(Lures.Family.LEGAL, LEGAL_SCORE).build());
    /** Advertising and money talk count towards spam; the other families towards phishing (fraud included). */
    private static final Set<Lures.Family> SPAM_FAMILIES = EnumSet.of(Lures.Family.PAYMENT, Lures.Family.BULK);

    static {
        if (FAMILY_SCORES.size() != Lures.Family.values().length) {
            throw new IllegalStateException("every lure family needs a score");
        }
    }
    public static final double CONCEALED_SCORE = 1.0;
    /**
     * A random string in the subject or an attachment's name ("Transação pendente - YydtzJJTBFBvIBDBt9jk",
     * "wFbF0yDzT8LVY3HRBj.pdf"): bulk tools add one per copy so that no two copies match a signature. People and
     * business systems name things with words, numbers and ticket codes. 24 corpus phish and 4 spam, no ham. Also a
     * line of the text that is nothing but random groups joined by hyphens, 2002 ratware's hash-buster
     * ("4139vOLW7-758DoDY1425FRhM1-764SMFc8513fCsLl40"): 43 more corpus spam, no other mail.
     */
    public static final double RANDOM_TOKEN_SCORE = 1.5;
    /** Ten or more letters and digits, both cases and a digit, not hexadecimal. */
    private static final java.util.regex.Pattern TOKEN_CANDIDATE = java.util.regex.Pattern.compile(
        "(?=[A-Za-z0-9]{10,}$)(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?!(?:0x)?[0-9A-Fa-f]+$).*");
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");
    private static final java.util.regex.Pattern RANDOM_LINE = java.util.regex.Pattern.compile(
        "((?:[A-Za-z0-9]{4,40}-{1,3}){2,8}[A-Za-z0-9]{2,40})");
    private static final java.util.regex.Pattern SUBJECT_LINK = java.util.regex.Pattern.compile(
        "(?i)\\b(https?://|www\\.)\\S+|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/\\S*");
    /**
     * A subject labelled as an advertisement: "ADV:" (what US state anti-spam laws required of
     * unsolicited commercial mail), Korea's mandatory "(광고)" or Japan's "未承諾広告※". Mail a person asked for seldom
     * carries the label; the content decides the rest.
     */
    public static final double DECLARED_ADVERT_SCORE = 1.5;
    /**
     * A chat contact written in disguise so that filters looking for 微信 or QQ miss it: 薇信, 徽信 or 威信 with an ID, V信,
     * 加V / 加薇 with an ID, 加微: with an ID, vx / ➕V right after Chinese text with an ID, 扣扣 with a number
     * ({@code text.disguised-contact}); an ID is 5 to 20 letters, digits, '-' and '_' (not a longer token). Chinese
     * advertising, loan, job and investment-group spam writes them; a supplier or a colleague writes 微信 and 加微信.
     * Read on the normalised text (NFKC, lower case, no spaces beside CJK: "加Ｖ：dk-5050" reads "加v:dk-5050").
     */
    public static final double DISGUISED_CONTACT_SCORE = 2.0;
    /**
     * {@code text.identity-request}: the national ID number and a bank card or account number asked for in one sentence
     * (身份证号 and 银行卡号 / 工资卡号, a Social Security number and a bank account or routing number), in mail that links
     * to a site neither the organisation's nor the sender's: the "subsidy" or "payroll change" form that collects both
     * (a colleague's stolen account sends it to all staff). HR asks for them too, by reply or through its own system
     * (on the organisation's domains or a workspace service, {@link io.rampart.core.links.LinkLists#TENANT_SAAS}); a
     * notice saying never to give them (切勿, will never) is a warning.
     */
    public static final double IDENTITY_REQUEST_SCORE = 2.0;
    /** Words one of which the request holds, found before the pattern runs (most mail has none). */
    private static final String[] IDENTITY_CUES = {"身份证", "ocial security", "ocial Security", "OCIAL SECURITY", "SSN",
        "ssn", "ational insurance", "ational Insurance"};
    private static final java.util.regex.Pattern IDENTITY_AND_BANK = java.util.regex.Pattern.compile(
        "身份证(号码?|信息)[^。！？!?\\n]{0,30}(银行卡号?|工资卡号?|银行账号|银行账户|卡号|取款密码|支付密码)"
            + "|(银行卡号|工资卡号|银行账号)[^。！？!?\\n]{0,30}身份证(号码?|信息)"
            + "|\\b(social security number|ssn|national insurance number)\\b[^.!?\\n]{0,100}"
            + "\\b(bank account number|routing number|account and routing|card number|debit card)"
            + "|\\b(bank account number|routing number|card number)\\b[^.!?\\n]{0,100}\\b(social security number|ssn)\\b");
    private static final java.util.regex.Pattern DISGUISED_CONTACT = java.util.regex.Pattern.compile(
        "(?:(?:薇|徽|威)信号?|(?<=[\\u4e00-\\u9fff])(?:vx|➕v|\\+v)|加(?:v|薇)信?|加微:)(?::|：)? ?[a-z0-9][a-z0-9_-]{4,19}(?![a-z0-9_-])"
            + "|(?<![a-z0-9])v信|扣扣:?\\d{5,}");
    private static final String[] DISGUISED_CONTACT_CUES = {"薇", "徽信", "威信", "V信", "v信", "Ｖ", "加V", "加v", "+V", "+v",
        "➕", "加微", "vx", "VX", "Vx", "扣扣"};
    /**
     * A subject padded with a run of spaces before a short code at its end ("Mortgage Rates Are Down.
     * [20 spaces] ptjti", "Guaranteed to lose 10-12 lbs [26 spaces] 11.150"): bulk tools push the copy's
     * tracking or hash-busting code out of the visible column. Nobody types sixteen spaces in a subject;
     * folded header lines are read as one space, so a mail program's folding does not count. 40 corpus spam, no
     * other mail (67 spam, and no other mail, have a run of six spaces or more).
     */
    public static final double PADDED_SUBJECT_SCORE = 1.5;
    /**
     * A subject whose words are joined by underscores instead of spaces, decorated or long
     * ("_Your_Offer_is_Ready_", "Get_it_urgently_0.7495_BTC", "#SHARK_TANK_WEIGHT_LOSS#"): a bulk tool's
     * template, which also wraps the sender's name in the same marks. People type spaces; identifiers in
     * developers' subjects sit between spaced words ("Re: [Bug 840] spam_level_char option"). A file name
     * (one ending in an extension) is no such subject, nor, undecorated, fewer than four words joined three times
     * (a script's "Daily_Sales_Report" or "backup_job_failed").
     * 15 corpus phish and spam, no other mail.
     */
    public static final double UNDERSCORED_SUBJECT_SCORE = 2.0;
    private static final java.util.regex.Pattern UNDERSCORE_JOIN = java.util.regex.Pattern.compile(
        "[\\p{L}\\p{N}]_+(?=[\\p{L}\\p{N}])");
    private static final java.util.regex.Pattern LETTER_WORD = java.util.regex.Pattern.compile("\\p{L}{2,}");
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("\\.[A-Za-z0-9]{2,4}$");
    private static final java.util.regex.Pattern PADDED_SUBJECT = java.util.regex.Pattern.compile("\\S {16,}(\\S{1,15})$");
    private static final java.util.regex.Pattern DECLARED_ADVERT = java.util.regex.Pattern.compile(
        "^\\s*(\\[[^\\]]{1,40}\\]\\s*)?(adv\\s*:|\\[adv\\]|\\(adv\\)|[(\\[【]\\s*(광고|廣告|广告)\\s*[)\\]】]|未承諾広告)",
        java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * An HTML body that is only a frame onto a web page: nothing in the mail can be read or scanned,
     * and the page can change after delivery. Mail clients do not load frames; senders who want to be
     * read write their text in the mail.
     */
    public static final double FRAME_ONLY_SCORE = 3.0;
    static final int FRAME_ONLY_MAX_TEXT = 20;
    /** A word spelt to slip past filters ({@code V1agra}, {@code micr0soft}): ordinary mail has no reason to. */
    public static final double DISGUISED_SCORE = 2.5;
    /** A header block only bulk-mail tools produce (see {@code HeaderBlock}); the content decides the rest. */
    public static final double MALFORMED_SCORE = 1.5;
    /**
     * "Dear bob@acme-corp.com", "Hello bob@acme-corp.com,": a greeting that names the reader by mail
     * address. The sender has a list of addresses, not a relation with a person; services that know their
     * user greet by name. One point: a clumsy legitimate form letter does it too.
     */
    public static final double ADDRESS_GREETING_SCORE = 1.0;
    /** The greeting is looked for at the start of the text (an address starting within this many characters). */
    static final int GREETING_CHARS = 400;
    /**
     * A greeting ending right before an address ("Dear ", "Hello, ", "尊敬的", and the greetings of the other languages
     * phishing is written in: "Olá ", "Prezado(a) ", "Hallo ", "Bonjour ", "Hola ", "Ciao ", "Beste "); or the address
     * opening the subject as a salutation ("bob@acme-corp.com, your plan was adjusted").
     */
    private static final java.util.regex.Pattern GREETING_BEFORE = java.util.regex.Pattern.compile(
        "(?:^|[^\\w@.])(?:hi|hello|dear|hey|greetings|attention|attn|good (?:morning|day|afternoon|evening)|尊敬的|亲爱的"
            + "|olá|ola|oi|prezad[oa](?:\\(a\\))?|car[oa]|hallo|liebe[r]?|guten tag|bonjour|salut|cher|chère|hola"
            + "|estimad[oa]|ciao|gentile|beste|hoi)[ ,:：，!]{0,3}$", java.util.regex.Pattern.CASE_INSENSITIVE
            | java.util.regex.Pattern.UNICODE_CASE);
    /** Before an address that opens the text (the subject): nothing but reply and forward prefixes. */
    private static final java.util.regex.Pattern OPENING = java.util.regex.Pattern.compile(
        "^(?:(?:re|fw|fwd|aw|wg|enc|res|tr) ?: ?)*$", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** After an address that opens the text, what makes it a salutation: a comma, colon or exclamation mark. */
    private static final java.util.regex.Pattern SALUTATION_AFTER = java.util.regex.Pattern.compile("^ ?[,:!]");
    /**
     * "Dear E-mail User", "Dear Webmail Account Owner", "Hello Mailbox User", "Dear Beneficiary", "Dear Lucky
     * Winner" at the start of a line: a greeting to the holder of a mailbox, or to the winner of a prize, whose
     * name the sender does not know. The mail provider that holds the account greets its holder by name; these
     * are the words of mailbox-quota phishing and lottery and inheritance fraud. Not "Dear Customer", "Dear
     * Sir/Madam" or "Dear Friend": utilities, airlines, couriers, suppliers' quotations and charities write
     * those (hand-written such notices were flagged with them), however often phishing does too. A quoted line
     * ("&gt; Dear ...") is someone else's greeting.
     */
    public static final double GENERIC_GREETING_SCORE = 1.0;
    private static final java.util.regex.Pattern GENERIC_GREETING = java.util.regex.Pattern.compile(
        "(?im)^[ \\t]*(?:dear|hello|hi|attention|attn)[ ,:]+(?:valued |esteemed |respected |our )?"
            + "(?:(?:e-?mail|mail|mailbox|webmail|outlook|office ?365|microsoft|account)(?: account)? (?:user|owner|holder)s?"
            + "|(?:fund |lucky |lottery |prize )?(?:beneficiary|winner))\\b");
    /**
     * "Dear Employee", "Dear Staff", "Hello Team Member": the staff of an organisation greeted as such, which only their
     * employer does, from its own domain; from outside it is the payroll, HR and benefits lure sent to every address
     * of a company. Judged only when the From address is not one of the organisation's (a "Dear colleague" is a
     * conference's, and is not here).
     */
    private static final java.util.regex.Pattern EMPLOYEE_GREETING = java.util.regex.Pattern.compile(
        "(?im)^[ \\t]*(?:dear|hello|hi|attention|attn)[ ,:]+(?:all |valued |our )?(?:employees?|staff(?: members?)?"
            + "|team members?)\\b");
    /** A Chinese greeting right after an address ("bob@acme-corp.com，您好"). */
    private static final java.util.regex.Pattern GREETING_AFTER = java.util.regex.Pattern.compile("^\\s?[,，:：]?\\s?(?:你好|您好)");
    /**
     * "Write to: lencinuckols321@gmail.com", "contact me at my private email", 回复请致 a Yahoo address: the
     * text sends the reader's answer to a free-mail address that is not the sender's (nor its Reply-To,
     * which {@code sender.reply-to-divergence} judges). How romance, lottery and inheritance scams move the
     * conversation to a mailbox the sending account's provider cannot close.
     */
    public static final double REPLY_ELSEWHERE_SCORE = 1.5;
    /** Addresses in the text looked at for {@link #REPLY_ELSEWHERE}, and how far before each its phrase may start. */
    static final int REPLY_ELSEWHERE_MAX_ADDRESSES = 50;
    private static final int REPLY_ELSEWHERE_LOOKBACK = 80;
    private static final java.util.regex.Pattern REPLY_ELSEWHERE = java.util.regex.Pattern.compile(
        "(?i)(?:\\b(?:(?:e-?mail|write|contact|reply|respond|answer|get back|get in touch|reach)(?: back)?(?: to| with)?"
            + " (?:me|us)(?: back)?(?: directly| privately| personally| now| immediately)?|write to|my (?:private|personal|direct|own) "
            + "(?:e-?mail|address|e-?mail address|contact)(?: address)?(?: is)?)(?: at| on| via| through| to| with| using)?"
            + "|回复请致|请回复至|请回复到|请发送至|请发邮件至|发邮件到|来信请寄|来信请发)[\\s:：\\-(]*$");
    public static final int CONCEALED_MIN_CHARS = 200;
    /**
     * Text written backwards in the source and turned round on the screen by a right-to-left override
     * ({@code html.reversed-text}): no filter reads "drowssap ruoy yfirev" as a lure, the reader sees "verify your
     * password". Right-to-left scripts are shown so in their usual order and are not counted.
     */
    public static final double REVERSED_TEXT_SCORE = 3.0;
    public static final int REVERSED_TEXT_MIN_LETTERS = 12;
    /**
     * Words drawn by the style sheet ({@code .a::before { content: "Verify your account" }}, {@code html.css-text}): the
     * reader sees them, the text holds none of them, so no filter reads them. Style sheets draw icons, quotation marks
     * and counters so, and responsive tables their column labels, not sentences.
     */
    public static final double CSS_TEXT_SCORE = 2.5;
    public static final int CSS_TEXT_MIN_LETTERS = 15;
    public static final int CSS_TEXT_MIN_WORDS = 4;
    private static final java.util.regex.Pattern CSS_CONTENT = java.util.regex.Pattern.compile(
        "content\\s*:\\s*([\"'])((?:(?!\\1)[^\\\\]){1,500})\\1");
    /**
     * Concealed filler inside words ("de<span style='font-size:0'>Eliette</span>vice"): the reader sees
     * "device", a filter reads "deEliette" and "vice". Nothing but filter evasion puts text there; three
     * such pieces, not one, so a stray styled letter in a hand-made page does not count.
     */
    public static final double SPLIT_WORDS_SCORE = 2.5;
    public static final int SPLIT_WORDS_MIN = 3;
    /**
     * Invisible characters between the letters of words ({@code P&zwnj;&#8203;a&zwnj;&#8203;r&zwnj;&#8203;k}):
     * the reader sees "Park", a word filter sees single letters. Zero-width spaces and joiners, the word
     * joiner, the BOM and the combining grapheme joiner; not the soft hyphen, which German and Dutch
     * newsletters put inside long words as hyphenation hints. Only between ASCII letters and digits (Persian
     * and Indic scripts use the zero-width non-joiner inside words as spelling), and only many of them.
     */
    public static final double INVISIBLE_INSIDE_WORDS_SCORE = 2.0;
    public static final int INVISIBLE_INSIDE_WORDS_MIN = 10;
    /**
     * A PGP signature block with nothing signed: no "BEGIN PGP SIGNED MESSAGE" armour in any text part
     * (inline signing writes both) and not a PGP/MIME signature, which travels as its own
     * application/pgp-signature part and is no text. A 2005 image-spam campaign appended a block to look
     * vouched for (12 corpus phish); the 33 signed messages among the corpus's wanted mail have the
     * armour or PGP/MIME. A quoted block ("> -----BEGIN...", or dash-escaped "- -----BEGIN" inside a
     * signed forward) is not read: replies quote signatures. Rendered HTML may run the block on from
     * the text before it, so the block need not start a line.
     */
    public static final double FAKE_SIGNATURE_SCORE = 2.0;
    private static final String SIGNATURE_ARMOUR = "-----BEGIN PGP SIGNATURE-----";
    public static final int MAX_TEXT_CHARS = 30_000;
    public static final int MAX_HTML_ELEMENTS = 5_000;

    @Override
    public String name() {
        return "content";
    }

    /**
     * The first sentence a document's style sheets draw with {@code content: "..."}: four words or more with
     * {@link #CSS_TEXT_MIN_LETTERS} letters (a responsive table's column labels, "Order number", are shorter).
     */
    static java.util.Optional<String> cssText(org.jsoup.nodes.Document document) {
        for (org.jsoup.nodes.Element style : document.select("style")) {
            String css = style.data();
            if (css.indexOf("content") < 0) {
                continue;
            }
            java.util.regex.Matcher matcher = CSS_CONTENT.matcher(css);
            while (matcher.find()) {
                String value = matcher.group(2).trim();
                int words = 0;
                int letters = 0;
                for (String word : value.split("\\s+")) {
                    long count = word.codePoints().filter(Character::isLetter).count();
                    if (count >= 2) {
                        words++;
                        letters += (int) count;
                    }
                }
                if (words >= CSS_TEXT_MIN_WORDS && letters >= CSS_TEXT_MIN_LETTERS) {
                    return java.util.Optional.of(value);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void disguisedContact(String text, ScanReport report) {
        if (!Warnings.containsAny(text, DISGUISED_CONTACT_CUES)) {
            return;
        }
        java.util.regex.Matcher contact = DISGUISED_CONTACT.matcher(TextNormalizer.normalize(text));
        if (contact.find()) {
            report.add("text.disguised-contact", DISGUISED_CONTACT_SCORE, Category.SPAM,
                "writes a chat contact in disguise, as filters are not meant to read it: '" + contact.group() + "'");
        }
    }

    private static void identityRequest(ParsedMessage message, ScanContext context, String text, ScanReport report) {
        if (report.urls().isEmpty() || !Warnings.containsAny(text, IDENTITY_CUES)) {
            return;
        }
        String lower = Lures.collapseWhitespace(TextNormalizer.unstyled(text).toLowerCase(java.util.Locale.ROOT));
        java.util.regex.Matcher request = IDENTITY_AND_BANK.matcher(lower);
        Optional<String> asked = Optional.empty();
        while (request.find()) {
            if (!Warnings.negated(lower, request.start()) && !Warnings.describesImpersonation(lower, request.start(), request.end())) {
                asked = Optional.of(request.group());
                break;
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        String sender = message.from().map(from -> UrlNormalizer.registrable(from.domain())).orElse("");
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isEmpty() || !url.get().isWeb() || url.get().host().isEmpty()) {
                continue;
            }
            String site = url.get().registrableDomain();
            // HR's own systems live on workspace services (Workday, BambooHR...): not an outside form.
            if (!site.equals(sender) && !context.isLocalDomain(url.get().host()) && !context.isLocalDomain(site)
                && !LinkLists.TENANT_SAAS.contains(site)) {
                report.add("text.identity-request", IDENTITY_REQUEST_SCORE, Category.PHISH, "asks for the ID number and a bank"
                    + " card or account number ('" + asked.get() + "') and links to " + url.get().host()
                    + ", a site neither the organisation's nor the sender's");
                return;
            }
        }
    }

    private static void replyElsewhere(ParsedMessage message, String text, ScanReport report) {
        // Only before a free-mail address that is not the sender's, where the phrase must end: running the
        // pattern over the whole text (or around every '@' of a mailing-list digest) cost a few per cent of a scan.
        int searched = 0;
        for (int at = text.indexOf('@'); at >= 0 && searched < REPLY_ELSEWHERE_MAX_ADDRESSES;
             at = text.indexOf('@', at + 1)) {
            int[] bounds = addressAround(text, at);
            if (bounds == null) {
                continue;
            }
            searched++;
            String address = text.substring(bounds[0], bounds[1]);
            if (!io.rampart.core.sender.SenderAnalyzer.isFreeMail(text.substring(at + 1, bounds[1]))
                || message.from().filter(from -> from.address().equalsIgnoreCase(address)).isPresent()
                || message.replyTo().stream().anyMatch(replyTo -> replyTo.address().equalsIgnoreCase(address))) {
                continue;
            }
            String before = Lures.collapseWhitespace(
                text.substring(Math.max(0, bounds[0] - REPLY_ELSEWHERE_LOOKBACK), bounds[0]));
            java.util.regex.Matcher phrase = REPLY_ELSEWHERE.matcher(before);
            if (phrase.find()) {
                report.add("text.reply-elsewhere", REPLY_ELSEWHERE_SCORE, Category.PHISH, "asks for answers at the "
                    + "free-mail address " + address + ", not the sender's: '" + phrase.group().trim() + " " + address + "'");
                return;
            }
        }
    }

    /** The address around the '@' at {@code at} ({@link Tokens#emailAround}), if its domain has a dot. */
    private static int[] addressAround(String text, int at) {
        int[] bounds = Tokens.emailAround(text, at, 0);
        return bounds == null || text.lastIndexOf('.', bounds[1] - 1) <= at ? null : bounds;
    }

    private static void addressGreeting(ParsedMessage message, ScanContext context, String text, ScanReport report) {
        // Around each address near the start that is one of the reader's (most mail has none there).
        int limit = Math.min(text.length(), GREETING_CHARS);
        for (int at = text.indexOf('@'); at >= 0 && at < limit; at = text.indexOf('@', at + 1)) {
            int[] bounds = addressAround(text, at);
            if (bounds == null) {
                continue;
            }
            String greeted = text.substring(bounds[0], bounds[1]);
            boolean reader = context.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(greeted))
                || java.util.stream.Stream.concat(message.to().stream(), message.cc().stream())
                    .anyMatch(a -> a.address().equalsIgnoreCase(greeted));
            if (!reader) {
                continue;
            }
            java.util.regex.Matcher before = GREETING_BEFORE.matcher(
                Lures.collapseWhitespace(text.substring(Math.max(0, bounds[0] - 40), bounds[0])));
            java.util.regex.Matcher after = GREETING_AFTER.matcher(
                text.substring(bounds[1], Math.min(text.length(), bounds[1] + 8)));
            if (before.find()) {
                report.add("text.address-greeting", ADDRESS_GREETING_SCORE, Category.PHISH,
                    "greets the reader by mail address: '" + before.group().trim() + " " + greeted + "'");
                return;
            }
            if (bounds[0] < 20 && OPENING.matcher(text.substring(0, bounds[0])).find()
                && SALUTATION_AFTER.matcher(text.substring(bounds[1], Math.min(text.length(), bounds[1] + 3))).find()) {
                report.add("text.address-greeting", ADDRESS_GREETING_SCORE, Category.PHISH,
                    "opens with the reader's mail address as a salutation: '" + greeted + "'");
                return;
            }
            if (after.find()) {
                report.add("text.address-greeting", ADDRESS_GREETING_SCORE, Category.PHISH,
                    "greets the reader by mail address: '" + greeted + after.group().trim() + "'");
                return;
            }
        }
    }

    /** How many places in {@code text} have an invisible character (or a run of them) between two ASCII letters or digits. */
    static int invisibleInsideWords(String text) {
        int count = 0;
        int length = text.length();
        for (int i = 1; i < length - 1; i++) {
            if (!isInvisible(text.charAt(i)) || !isAsciiLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            int end = i;
            while (end < length && isInvisible(text.charAt(end))) {
                end++;
            }
            if (end < length && isAsciiLetterOrDigit(text.charAt(end))) {
                count++;
            }
            i = end;
        }
        return count;
    }

    /** {@link TextNormalizer}'s invisible characters without the soft hyphen, and the combining grapheme joiner. */
    private static boolean isInvisible(char c) {
        return c == '\u034f' || c != '\u00ad' && TextNormalizer.isInvisible(c);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean hasHyphen(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '-') {
                return true;
            }
        }
        return false;
    }

    /** Where the subject or an attachment's name carries a random string, if one does. */
    private static Optional<String> randomToken(ParsedMessage message) {
        // A link in the subject carries its site's identifiers (a video's "dQw4w9WgXcQ"): not a bulk tool's filler.
        for (String token : NOT_ALPHANUMERIC.split(SUBJECT_LINK.matcher(message.subject()).replaceAll(" "))) {
            if (isRandom(token)) {
                return Optional.of("the subject carries '" + token + "', a random string of the kind bulk tools add to"
                    + " make each copy differ");
            }
        }
        // Ratware's hash-buster: a line of nothing but random groups joined by hyphens, different in every copy
        // ("4139vOLW7-758DoDY1425FRhM1-764SMFc8513fCsLl40"). Not UUIDs or licence keys (one case, or hex).
        for (TextPart part : message.texts()) {
            String text = part.text();
            int end = Math.min(text.length(), 20_000);
            for (int start = 0; start < end; ) {
                int newline = text.indexOf('\n', start);
                int lineEnd = newline < 0 || newline > end ? end : newline;
                // Cheap tests before the pattern: a line of 14 to 300 characters with a hyphen in it.
                int length = lineEnd - start;
                if (length >= 14 && length <= 300 && hasHyphen(text, start, lineEnd)) {
                    java.util.regex.Matcher line = RANDOM_LINE.matcher(text.substring(start, lineEnd).trim());
                    if (line.matches() && isRandom(line.group(1).replace("-", ""))) {
                        return Optional.of("the text carries the line '" + line.group(1) + "', random strings of the kind"
                            + " bulk tools add to make each copy differ");
                    }
                }
                start = lineEnd + 1;
            }
        }
        for (io.rampart.core.message.Attachment attachment : message.attachments()) {
            String name = attachment.fileName().orElse("");
            int dot = name.lastIndexOf('.');
            for (String token : NOT_ALPHANUMERIC.split(dot > 0 ? name.substring(0, dot) : name)) {
                if (isRandom(token)) {
                    return Optional.of("the attachment '" + name + "' is named with '" + token + "', a random string of"
                        + " the kind bulk tools add to make each copy differ");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Random rather than made of words: few vowels among its letters (under 30 %: "iPhone14ProMax",
     * "Mark2CurSeen" and "OAuth2Client" have 36 to 45 %) and the case switching at least three times between
     * neighbouring letters ("MP3Player2000", "Q3Report2023" switch once).
     */
    public static boolean isRandom(String token) {
        if (!TOKEN_CANDIDATE.matcher(token).matches()) {
            return false;
        }
        int letters = 0;
        int vowels = 0;
        int switches = 0;
        char previous = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if ("aeiouAEIOU".indexOf(c) >= 0) {
                vowels++;
            }
            if (previous != 0 && Character.isUpperCase(previous) != Character.isUpperCase(c)) {
                switches++;
            }
            previous = c;
        }
        return vowels * 10 < letters * 3 && switches >= 3;
    }

    static boolean underscoredSubject(String subject) {
        String trimmed = subject.trim();
        if (trimmed.length() < 8 || trimmed.chars().anyMatch(Character::isWhitespace) || FILE_NAME.matcher(trimmed).find()) {
            return false;
        }
        java.util.regex.Matcher join = UNDERSCORE_JOIN.matcher(trimmed);
        int joins = 0;
        while (join.find()) {
            joins++;
        }
        boolean decorated = "_#*".indexOf(trimmed.charAt(0)) >= 0 || "_#*".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0;
        // Words, not a scanner's "Scan_20241128_0930"; undecorated, a sentence's worth of them, not a script's report
        // ("Daily_Sales_Report", "backup_job_failed").
        long words = LETTER_WORD.matcher(trimmed).results().limit(3).count();
        return decorated ? joins >= 1 && words >= 2 : joins >= 3 && words >= 3;
    }

    /** The path of a text part holding an unquoted PGP signature block when no part is a signed message. */
    static java.util.Optional<String> fakeSignature(ParsedMessage message) {
        String found = null;
        for (TextPart part : message.texts()) {
            if (part.text().contains("-----BEGIN PGP SIGNED MESSAGE-----")) {
                return java.util.Optional.empty();
            }
            if (found == null && unquotedSignature(part.text())) {
                found = part.path();
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    private static boolean unquotedSignature(String text) {
        for (int at = text.indexOf(SIGNATURE_ARMOUR); at >= 0; at = text.indexOf(SIGNATURE_ARMOUR, at + 1)) {
            String before = text.substring(text.lastIndexOf('\n', at - 1) + 1, at).trim();
            if (!before.startsWith(">") && !before.endsWith("-")) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String url) {
        return url.length() > 100 ? url.substring(0, 100) + "..." : url;
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        for (String anomaly : message.anomalies()) {
            report.add("message.malformed-headers", MALFORMED_SCORE, Category.SPAM, anomaly);
        }
        String text = message.leadingText(MAX_TEXT_CHARS);
        List<Lures.Hit> hits = Lures.find(text);
        Set<Lures.Family> families = EnumSet.noneOf(Lures.Family.class);
        for (Lures.Hit hit : hits) {
            families.add(hit.family());
            double score = FAMILY_SCORES.get(hit.family());
            String more = "";
            if (hit.family() == Lures.Family.BULK) {
                // Each further bulk phrase is more certainty: an advert rarely has only one.
                int distinct = Lures.distinct(text, Lures.Family.BULK);
                score = Math.min(BULK_MAX_SCORE, score + BULK_EXTRA_SCORE * (distinct - 1));
                more = distinct > 1 ? " and " + (distinct - 1) + " more" : "";
            }
            Category category = SPAM_FAMILIES.contains(hit.family()) ? Category.SPAM : Category.PHISH;
            report.add("text.lure-" + hit.family().name().toLowerCase(java.util.Locale.ROOT), score, category,
                hit.family().description() + ": '" + hit.phrase() + "'" + more);
        }
        if ((families.contains(Lures.Family.CREDENTIALS) || families.contains(Lures.Family.SUSPENSION)
            || families.contains(Lures.Family.LEGAL)) && families.contains(Lures.Family.URGENCY)) {
            report.add("text.lure-combination", COMBINATION_SCORE, Category.PHISH,
                "account or legal threat combined with pressure to act now");
        }
        addressGreeting(message, context, text, report);
        java.util.regex.Matcher greeting = GENERIC_GREETING.matcher(text);
        boolean generic = greeting.find();
        if (!generic && !message.from().map(from -> context.isLocalDomain(from.domain())).orElse(true)) {
            greeting = EMPLOYEE_GREETING.matcher(text);
            generic = greeting.find();
        }
        if (generic) {
            report.add("text.generic-greeting", GENERIC_GREETING_SCORE, Category.PHISH,
                "greets a reader it does not know: '" + greeting.group().trim() + "'");
        }
        disguisedContact(text, report);
        identityRequest(message, context, text, report);
        if (context.flow() == io.rampart.core.flow.Flow.INBOUND && !context.authenticatedUser().isPresent()) {
            replyElsewhere(message, text, report);
        }
        java.util.regex.Matcher advert = DECLARED_ADVERT.matcher(message.subject());
        if (advert.find()) {
            report.add("text.declared-advert", DECLARED_ADVERT_SCORE, Category.SPAM,
                "the subject labels the mail an advertisement: '" + advert.group().trim() + "'");
        }
        randomToken(message).ifPresent(detail -> report.add("text.random-token", RANDOM_TOKEN_SCORE, Category.SPAM, detail));
        fakeSignature(message).ifPresent(path -> report.add("text.fake-signature", FAKE_SIGNATURE_SCORE, Category.SPAM,
            "part " + path + " ends in a PGP signature block, but nothing in the mail is signed"));
        if (underscoredSubject(message.subject())) {
            report.add("text.underscored-subject", UNDERSCORED_SUBJECT_SCORE, Category.SPAM, "the subject '"
                + abbreviate(message.subject().trim()) + "' joins its words with underscores, as bulk tools' templates do");
        }
        java.util.regex.Matcher padded = PADDED_SUBJECT.matcher(message.subject());
        if (padded.find()) {
            report.add("text.padded-subject", PADDED_SUBJECT_SCORE, Category.SPAM, "the subject pads '" + padded.group(1)
                + "' out of sight with a run of spaces, as bulk tools place each copy's code");
        }
        int invisible = invisibleInsideWords(text);
        if (invisible >= INVISIBLE_INSIDE_WORDS_MIN) {
            report.add("text.invisible-inside-words", INVISIBLE_INSIDE_WORDS_SCORE, Category.SPAM,
                invisible + " invisible characters between the letters of words (zero-width spaces or joiners)");
        }
        List<DisguisedWords.Hit> disguised = DisguisedWords.find(text, 3);
        if (!disguised.isEmpty()) {
            boolean phishing = disguised.stream().anyMatch(DisguisedWords.Hit::phishing);
            report.add("text.disguised-word", DISGUISED_SCORE, phishing ? Category.PHISH : Category.SPAM,
                "words spelt to slip past filters: " + disguised.stream().map(DisguisedWords.Hit::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        for (TextPart part : message.texts()) {
            if (context.deadlineExceeded()) {
                report.incomplete("html.incomplete", "time budget exhausted before HTML part " + part.path());
                return;
            }
            if (!part.html().isPresent()) {
                continue;
            }
            org.jsoup.nodes.Document document = io.rampart.core.message.HtmlCache.document(part);
            if (part.text().codePoints().filter(c -> !Character.isWhitespace(c)).limit(FRAME_ONLY_MAX_TEXT).count()
                < FRAME_ONLY_MAX_TEXT) {
                for (org.jsoup.nodes.Element frame : document.select("iframe[src], frame[src]")) {
                    String src = frame.attr("src").trim();
                    if (src.regionMatches(true, 0, "http", 0, 4) || src.startsWith("//")) {
                        report.add("html.remote-frame-only", FRAME_ONLY_SCORE, Category.SPAM, "part " + part.path()
                            + " has no text of its own: it shows the page " + abbreviate(src) + " in a frame");
                        break;
                    }
                }
            }
            HtmlTricks.Concealed concealed = HtmlTricks.inspect(document, MAX_HTML_ELEMENTS);
            if (concealed.hidden() >= CONCEALED_MIN_CHARS) {
                report.add("html.hidden-text", CONCEALED_SCORE, Category.SPAM,
                    concealed.hidden() + " characters of hidden text in part " + part.path());
            }
            if (concealed.tiny() >= CONCEALED_MIN_CHARS / 2) {
                report.add("html.tiny-text", CONCEALED_SCORE, Category.SPAM,
                    concealed.tiny() + " characters of microscopic text in part " + part.path());
            }
            if (concealed.splitWords() >= SPLIT_WORDS_MIN) {
                report.add("html.split-words", SPLIT_WORDS_SCORE, Category.SPAM, concealed.splitWords()
                    + " pieces of concealed text inside words of the visible text in part " + part.path());
            }
            cssText(document).ifPresent(words -> report.add("html.css-text", CSS_TEXT_SCORE, Category.SPAM, "part "
                + part.path() + " draws words with its style sheet, which the text does not hold: '" + abbreviate(words)
                + "'"));
            if (concealed.reversed() >= REVERSED_TEXT_MIN_LETTERS) {
                report.add("html.reversed-text", REVERSED_TEXT_SCORE, Category.SPAM, concealed.reversed()
                    + " letters in part " + part.path() + " are written backwards and shown forwards by a right-to-left"
                    + " override (unicode-bidi: bidi-override, <bdo dir=rtl>): words a filter does not read");
            }
            if (concealed.sameColour() >= CONCEALED_MIN_CHARS / 2) {
                report.add("html.invisible-colour", CONCEALED_SCORE, Category.SPAM,
                    concealed.sameColour() + " characters written in the background colour in part " + part.path());
            }
        }
    }
}
