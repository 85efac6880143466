package io.rampart.core.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.Address;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.sender.SenderAnalyzer;

/**
 * Frauds that carry nothing to scan (no link, no attachment) and ask the reader to act:
 * <ul>
 * <li>{@code text.bec-request}: business e-mail compromise. A "boss" writing from a personal address
 * (free mail, or replies diverted to another domain) in a short mail with no link and no document,
 * setting up the pretext (in a meeting, can't talk, keep it between us) and asking for a quick task,
 * a transfer, gift cards, a payroll bank change or a private phone number. The FBI's IC3 and CISA
 * describe the scripts; the pretext and the request are both needed, except for the requests
 * ordinary correspondence hardly makes of a colleague by e-mail (gift cards, a direct-deposit change,
 * "send me your WhatsApp number"). From a colleague's own address (a stolen account), only the whole script:
 * the pretext and one of those requests.</li>
 * <li>{@code text.callback}: callback phishing (TOAD). A receipt or renewal for a charge the reader
 * never made, with a telephone number to call to cancel or get a refund; the call is the attack.
 * Scored higher from free mail, where no merchant writes receipts from.</li>
 * <li>{@code text.payment-redirect}: vendor e-mail compromise. A supplier's (or someone posing as one) notice that
 * its bank details changed and payments must go to a new account: the message that diverts an invoice's
 * payment, from a stolen supplier mailbox as often as from a lookalike. Legitimate changes are rare and are
 * to be checked by telephone with a known contact, which is what the finding asks of its reader.</li>
 * <li>{@code text.advance-fee}: the advance-fee ("419") letter. A sum of millions and the story told around it,
 * as the FBI and Action Fraud describe it: a late husband or father, a widow dying of cancer, money lodged with a
 * security company or shipped as a consignment, a share for the reader's help in moving it, an exile or a head of
 * state, "your contact reached me", compensation loaded on an ATM card. Told in every decade since fax: the same
 * letter reads 2002 and 2024.</li>
 * <li>{@code text.extortion}: sextortion and its kin. A crypto-currency wallet address (Bitcoin, Ethereum) in the text,
 * beside the threat that makes it a demand: "I recorded you through your camera", "I have access to your devices",
 * "I will send the video to your contacts" (摄像头, 录下, 通讯录), in the first person: a warning that quotes such mail
 * tells of it in the third. Not from a logged-in colleague, whose security team quotes such mail to warn the others;
 * inbound mail that claims the reader's own address (sextortion's "I sent this from your account") is read.</li>
 * <li>{@code text.wrong-recipient}: the "pig-butchering" opener (FBI IC3, 2023-2025). A "wrong address" greeting
 * ("oh sorry, I think I have the wrong e-mail") that goes on to investing (crypto, gold, forex, "my uncle's strategy")
 * and a chat app to continue on (WhatsApp, Telegram, LINE, WeChat): the misdirected mail a stranger turns into a
 * friendship, then an investment platform. A real misdirected mail apologises and stops.</li>
 * </ul>
 * English and Chinese. Everything here is read from the first {@link #MAX_CHARS} characters; the callback
 * lure also from the text of attached PDFs ({@link ScanReport#documentTexts}).
 */
public final class FraudRequestAnalyzer implements Analyzer {
    public static final double BEC_SCORE = 3.0;
    /**
     * The whole script (a pretext and a request colleagues do not make by mail) from free mail or with replies
     * diverted: "this is my private e-mail, I'm in a meeting... add me on WeChat". From a colleague's own address the
     * whole script is what the rule needs at all, and it stays {@link #BEC_SCORE}.
     */
    public static final double BEC_WHOLE_SCRIPT_SCORE = 4.0;
    public static final double CALLBACK_SCORE = 2.0;
    public static final double CALLBACK_FREEMAIL_SCORE = 3.5;
    public static final double PAYMENT_REDIRECT_SCORE = 2.0;
    public static final double ADVANCE_FEE_SCORE = 2.5;
    public static final double EXTORTION_SCORE = 3.5;
    public static final double WRONG_RECIPIENT_SCORE = 3.0;
    /** BEC openers are a few lines: longer mail (a newsletter, a thread) is something else. */
    public static final int BEC_MAX_CHARS = 1_500;
    public static final int MAX_CHARS = 12_000;

    /**
     * The pretext: the "boss" cannot be reached to check with, or wants it kept quiet. "Are you
     * available?" alone is every friend's opener ("are you free Saturday? quick favour: help me move
     * the couch" read as BEC when it counted), so availability is not a pretext.
     */
    private static final Pattern EN_PRETEXT = Pattern.compile(
        "\\b(i('m| am) (in|on|at) (a|an) (meeting|conference|call|flight|board meeting|seminar)"
            + "|i('m| am) in (back-to-back |several )?meetings"
            + "|can'?t (talk|take (a |any )?calls?|answer (the |my )?phone|be reached by phone)"
            + "|(keep|treat) (this|it) (confidential|between us|private|discreet)|\\bdiscreetly\\b"
            + "|don'?t (tell|mention|discuss|share) (this|it|anyone)"
            + "|(must|should|can) ?not be (discussed|shared|mentioned) with (anyone|anybody|others)"
            + "|i have a new (phone|number|cell)|this is my (private|personal|new) (e-?mail|address|e-?mail address))");
    private static final Pattern EN_REQUEST = Pattern.compile(
        "\\b((quick|small|urgent|important|private|personal) (favou?r|task|request|errand|assignment)"
            + "|(wire|bank|money) transfer|(process|make|send|arrange) (a|an|the) (payment|wire|transfer)"
            + "|purchase (some |a few )?(items|cards)|gift ?cards?"
            + "|(send|text|give) me your (cell|mobile|phone|whatsapp|personal|direct) ?(number|no|phone)?"
            + "|text me (on|at) (my|this)( new)? (number|cell|mobile|phone)|(handle|do|complete) a (quick |small )?task for me"
            + "|reply (asap|as soon as|with your (cell|mobile|number)))");
    /** Requests ordinary mail hardly makes of a colleague: these need no pretext. */
    private static final Pattern EN_STRONG_REQUEST = Pattern.compile(
        "\\b((buy|purchase|get) (some |a few |\\d+ )?(apple|itunes|google play|amazon|steam|visa)?\\s?gift ?cards?"
            // my payroll details, or a supplier's: "update their bank details before today's payment run"
            + "|(update|change|switch) (my|the|their|his|her|its) (direct deposit|payroll|salary|bank(ing)?) (details|information|info|account)"
            + "|(change|update)\\w* (to )?my (direct deposit|payroll|salary)"
            // payroll diversion as it is written: "my salary paid into the new account"
            + "|(salary|pay ?check|wages|direct deposit|pay) (paid|deposited|sent|going) (in)?to (my|the|a) new (bank )?account"
            + "|(send|text|give) me your (cell|mobile|whatsapp|personal) ?(phone )?(number|no)\\b"
            // the W-2 scam: every employee's tax form, for an "audit", by mail (what the IRS warns payroll staff of)
            + "|\\bw-?2 (forms?|statements?|copies) (of|for) (all )?(our |the )?(employees|staff)|\\b(employees'?|staff) w-?2s?\\b)");
    /**
     * Payroll diversion told as news ("I recently switched banks ... before the next pay run"): a change of bank
     * is a request only beside the pay it is about; a friend writing "we switched banks" asks for nothing.
     */
    private static final Pattern EN_BANK_SWITCH = Pattern.compile("\\b(switched|changed|moved) (to a new |my )?banks?\\b");
    private static final Pattern EN_PAY = Pattern.compile("\\b(salary|payroll|direct deposit|pay ?run|pay ?check|pay ?day|wages)\\b");
    private static final String[] ZH_PRETEXT = {
        "在开会", "开会中", "不方便接电话", "不方便通话", "不方便说话", "不要告诉", "不要跟别人说", "先别声张",
        "换了新号", "换号了", "我的私人邮箱", "我的新邮箱",
    };
    private static final String[] ZH_REQUEST = {
        "转账", "汇款", "打款", "付款", "急事", "帮我办", "帮我处理", "帮个忙", "购物卡", "充值卡", "礼品卡",
        "加我微信", "加我QQ", "加我qq", "微信联系", "手机号发给我", "把你的手机号", "回单截图", "截图发给我",
    };
    private static final String[] ZH_STRONG_REQUEST = {
        "购买购物卡", "买几张购物卡", "购买充值卡", "购买礼品卡", "更改工资卡", "变更工资卡", "更换工资卡", "加我微信", "加我QQ", "加我qq",
        // the boss impersonator's proof of payment, to a chat account rather than to the company's books
        "截图发我微信", "截图发我QQ", "截图发我qq",
    };

    /** Bank details that changed, and payments to send to a new account. */
    private static final Pattern EN_PAYMENT_REDIRECT = Pattern.compile(
        "\\b((our|the|my) (bank|banking|account|payment|remittance) (details|information|info|instructions) (have|has) "
            + "(been )?(changed|updated)|(new|updated|changed) (bank|banking) (details|account|information|info)"
            + "|(remit|send|make|transfer|pay) (this |the |all |any )?(future |outstanding )?(payments?|invoices?|transfers?) "
            + "(in)?to (our|the) new (bank )?account|change of bank(ing)? (details|account))");
    private static final String[] ZH_PAYMENT_REDIRECT = {
        "银行账户变更", "账户已变更", "收款账户变更", "变更收款账户", "更换收款账户", "新的收款账户", "新收款账户", "银行账号变更",
    };
    /** What the new account is for: "I opened a new bank account for the kids" diverts no invoice. */
    private static final Pattern EN_PAYMENT_CONTEXT = Pattern.compile(
        "\\b(invoices?|payments?|remit\\w*|transfers?|wire|iban|swift|bic|sort code|account number|routing number)\\b");
    private static final String[] ZH_PAYMENT_CONTEXT = {"货款", "付款", "汇款", "账款", "发票", "转账", "打款", "汇入"};

    /** A sum of millions: "$8.5 million", "USD48M", "€9.5 Million Euro", "Forty five Million". */
    private static final Pattern EN_MILLIONS = Pattern.compile(
        "(\\$|usd|us\\$|u\\.s\\.? ?\\$|eur|€|£|gbp) ?\\d{1,3}([.,]\\d+)? ?(m\\b|million|mil\\b)"
            + "|\\b\\d{1,3}([.,]\\d+)? ?(million|m) (us |united states )?(dollars|usd|euros?|pounds)"
            + "|\\bmillion (us |united states )?(dollars|usd|euros?)"
            + "|\\b(ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]\\w*[- ]?million");
    /**
     * The advance-fee story's own turns: each is a sentence ordinary mail about millions (a funding round, an
     * acquisition, a grant) does not contain. The rule needs a sum of millions, at least one of these, and
     * {@link #ADVANCE_FEE_TURNS} turns counting these and {@link #EN_ADVANCE_FEE_WEAK} together.
     */
    private static final Turn[] EN_ADVANCE_FEE_STORY = {
        new Turn("\\b(my|our|his|her) late (husband|father|wife|mother|client|brother|uncle|boss)", "late "),
        new Turn("\\b(widow|widowed|childless|dying bed|sick ?bed|death ?bed)\\b"
            + "|\\b(suffering from|diagnosed with) \\w* ?cancer", "widow", "childless", "bed", "cancer"),
        new Turn("\\b(deposited|lodged) (it |the (money|funds?|sum) )?(in|into|with)\\b"
            + "|\\b(consignment|security (company|vault)|diplomatic (means|courier))\\b",
            "deposited", "lodged", "consignment", "security ", "diplomatic"),
        new Turn("\\b\\d\\d ?(%|percent) (of (this|the) (total )?(fund|funds|sum|money|amount)|for you|will be (yours|your share))"
            + "|\\byour (commission|share) (for|of)\\b", "%", "percent", "your commission", "your share"),
        new Turn("\\b(assist|assistance|help) (me |us )?(in |to )?(the )?(transfer|move|receive|claim|invest|redeem)", "assist", "help "),
        new Turn("\\b(i|we) (got|obtained|came across) your (contact|e-?mail|address)|your contact (reached|was given)",
            "your contact", "your email", "your e-mail", "your address"),
        new Turn("\\b(civil war|in exile|on exile|political (asylum|unrest|crisis)|head of state)\\b",
            "civil war", "exile", "political ", "head of state"),
        new Turn("\\bnext of kin\\b|\\b(bonafide|bona fide|legitimate) beneficiary\\b", "next of kin", "beneficiary"),
        // The "compensation for scam victims" variant: the sum loaded on an ATM card, sent once a fee is paid.
        new Turn("\\b(atm|debit|visa|master) ?card (loaded|worth|valued|containing)\\b|\\bloaded (on|into|onto) (an? |your )?(atm|debit)"
            + "|\\bcompensation (payment|fund|committee|unit|award)", "card ", "loaded ", "compensation "),
    };
    /** Turns that business mail about millions also has: they count only beside one of the story's own. */
    private static final Turn[] EN_ADVANCE_FEE_WEAK = {
        new Turn("\\b(foreign|overseas|offshore) (partner|bank account|account|investor|affiliated)", "foreign ", "overseas ", "offshore "),
        new Turn("\\bconfidential\\b|\\bin confidence\\b", "confiden"),
        new Turn("\\b(no risk|risk[- ]free|free risk|hitch[- ]free|100% (genuine|safe|legal|risk))", "risk", "hitch", "100%"),
        new Turn("\\bcharit(y|ies|able)\\b", "charit"),
        new Turn("\\binherit\\w*|\\bbeneficiary\\b", "inherit", "beneficiary"),
        new Turn("\\b(delivery|clearance|processing|release|transfer) fee\\b", " fee"),
    };

    /**
     * One turn of the story: its pattern, and words every match of it contains. The pattern runs only on text that
     * has one of the words (fifteen patterns over 12,000 characters cost a millisecond a message).
     */
    private static final class Turn {
        private final Pattern pattern;
        private final String[] cues;

        Turn(String regex, String... cues) {
            this.pattern = Pattern.compile(regex);
            this.cues = cues;
        }

        Optional<String> find(String lower) {
            for (String cue : cues) {
                if (lower.contains(cue)) {
                    return FraudRequestAnalyzer.find(pattern, lower);
                }
            }
            return Optional.empty();
        }
    }
    private static final int ADVANCE_FEE_TURNS = 3;

    /** A wallet address as extortion prints it (case-sensitive: Base58 and Bech32 are read on the original text). */
    private static final Pattern WALLET = Pattern.compile(
        "(?<![A-Za-z0-9])(?:bc1[a-z0-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40})(?![A-Za-z0-9])");
    /**
     * The threat in the first person, as the extortionist writes it ("I recorded you", "my software recorded you", "I will
     * send the video to your contacts"): a warning that quotes such mail tells of it in the third ("they claim the sender
     * recorded you").
     */
    private static final Pattern EN_THREAT = Pattern.compile(
        "\\b(i|we|my (software|program|malware|trojan|virus)) (have |has |had )?(recorded|filmed|captured) (a video of )?you\\b"
            + "|\\b(i|we) (have|got|gained|had) (full )?(remote )?access to (your|all your) (devices?|computer|accounts?|phone|e-?mail)"
            + "|\\b(i|we) (have )?(hacked|infected|compromised) your\\b|\\b(i|we) have (a |the )?(video|recording|footage) of you\\b"
            + "|\\b(i|we) (will|shall|'ll|can) (send|share|publish|leak|release|forward) (it|the video|this video|the recording|the files"
            + "|your data|everything|the footage)\\b");
    /** What an extortion demand names its currency by. */
    private static final String[] CURRENCY_CUES = {"bitcoin", "btc", "wallet", "crypto", "ethereum"};
    private static final String[] ZH_CURRENCY_CUES = {"比特币", "钱包"};
    private static final String[] ZH_THREAT = {"摄像头", "录下", "视频发给", "通讯录", "黑进", "入侵了你的", "删除视频"};

    private static final Pattern EN_WRONG_RECIPIENT = Pattern.compile(
        "\\b(i think |i guess |seems |it seems )?(i|i've|i have|i had|i got|you are|you're) (got |sent (this|it) to )?(the |a )?wrong"
            + " (e-?mail|e-?mail address|address|number|person|contact)\\b");
    private static final String[] ZH_WRONG_RECIPIENT = {"发错邮箱", "发错人", "发错了", "加错人", "不好意思发错"};
    private static final Pattern EN_INVESTING = Pattern.compile(
        "\\b(invest\\w*|crypto\\w*|bitcoin|gold|forex|trading|stocks?|returns?|profits?|strategy|platform)\\b");
    private static final String[] ZH_INVESTING = {"投资", "理财", "黄金", "外汇", "比特币", "虚拟币", "收益", "带单"};
    private static final Pattern EN_CHAT = Pattern.compile("\\b(whatsapp|telegram|line app|wechat|kakao ?talk|signal app)\\b");
    private static final String[] ZH_CHAT = {"微信", "whatsapp", "telegram", "LINE"};

    /** A charge the reader did not make, or a renewal they can stop. */
    private static final Pattern EN_UNRECOGNISED_CHARGE = Pattern.compile(
        "\\b(if (you )?(did ?n[o']t|do ?n[o']t|did not|do not|never) (authori[sz]e|make|place|recogni[sz]e|request|initiate)"
            + "( or (authori[sz]e|make|place|recogni[sz]e|request|initiate))? (this|the|these|that|such|any) (charge|transaction|"
            + "purchase|order|payment|renewal|subscription|debit|deduction|invoice)"
            + "|not (authori[sz]ed|made|placed|initiated) by you|unauthori[sz]ed (charge|transaction|purchase|payment|order)"
            + "|(to|wish to|want to|like to) (cancel|dispute|stop) (this|the|your) (order|transaction|payment|charge|"
            + "subscription|renewal|purchase|plan))");
    private static final Pattern EN_CALL = Pattern.compile(
        "\\b(call|dial|phone|contact|reach|ring|helpline|hotline|toll[- ]free|support line|customer (care|service|support))");
    private static final String[] ZH_UNRECOGNISED_CHARGE = {
        "非本人操作", "如非本人", "不是本人操作", "取消订单", "取消自动续费", "自动续费", "扣费", "申请退款", "办理退款", "理赔",
    };
    private static final String[] ZH_CALL = {
        "致电", "拨打", "来电", "联系客服", "客服电话", "客服热线", "电话联系", "热线",
    };
    /**
     * What the call is for: cancelling or refunding. A bank's own alert says "if you don't recognise this
     * transaction, call us at 1-800-..." too (and read as phish with the rule before it needed this);
     * the callback scam wants the reader to call to cancel a renewal or get a refund.
     */
    private static final Pattern EN_CANCEL = Pattern.compile(
        "\\b(cancel\\w*|refund\\w*|dispute|renew\\w*|subscription|membership|auto-?renew\\w*)");
    private static final String[] ZH_CANCEL = {"取消", "退款", "退费", "续费", "理赔", "订阅", "会员"};
    /** How far from the telephone number the word to call it, and what for, may be. */
    private static final int CALL_WINDOW = 120;

    @Override
    public String name() {
        return "fraud-request";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        String text = message.leadingText(MAX_CHARS);
        String lower = Lures.collapseWhitespace(text.toLowerCase(Locale.ROOT));
        String chinese = Lures.withoutWhitespace(text);
        Optional<Address> from = message.from();
        boolean freeMail = from.map(a -> SenderAnalyzer.isFreeMail(a.domain())).orElse(false);
        bec(message, context, report, lower, chinese, freeMail);
        // A bank-change letter is often the attached document itself.
        Optional<String> redirect = paymentRedirect(lower, chinese).map(phrase -> "'" + phrase + "'").or(() ->
            firstInDocuments(report, (documentLower, documentChinese, where) -> paymentRedirect(documentLower, documentChinese)
                .map(phrase -> "'" + phrase + "' in " + where)));
        if (redirect.isPresent() && from.map(a -> !context.isLocalDomain(a.domain())).orElse(true)) {
            report.add("text.payment-redirect", PAYMENT_REDIRECT_SCORE, Category.PHISH, "says payments now go to a new bank"
                + " account (" + redirect.get() + "): confirm any such change by telephone with a contact you already know");
        }
        advanceFee(lower).ifPresent(found -> report.add("text.advance-fee", ADVANCE_FEE_SCORE, Category.PHISH,
            "tells the advance-fee story: " + found));
        // A colleague (logged in) quoting such mail to warn others is no extortionist; inbound mail claiming the reader's
        // own address, as sextortion does to look like a hacked account, is read.
        if (!context.authenticatedUser().isPresent() || from.map(a -> !context.isLocalDomain(a.domain())).orElse(true)) {
            extortion(text, lower, chinese).ifPresent(found -> report.add("text.extortion", EXTORTION_SCORE, Category.PHISH,
                "demands crypto-currency with a threat: " + found));
        }
        wrongRecipient(lower, chinese).ifPresent(found -> report.add("text.wrong-recipient", WRONG_RECIPIENT_SCORE,
            Category.PHISH, "a 'wrong address' opener that turns to investing and a chat app (the pig-butchering script): " + found));
        if (!callback(report, lower, chinese, freeMail, "")) {
            // The lure may be all in an attached invoice ("please see the attached receipt").
            firstInDocuments(report, (documentLower, documentChinese, where) ->
                callback(report, documentLower, documentChinese, freeMail, " in " + where) ? Optional.of(where) : Optional.empty());
        }
    }

    /** A rule read over a text as the rules read it: lower-cased with whitespace collapsed, and without whitespace. */
    private interface TextRule<T> {
        Optional<T> apply(String lower, String chinese, String where);
    }

    /** The first attached document's text (PDF, Office; each within {@link #MAX_CHARS}) in which {@code rule} finds something. */
    private static <T> Optional<T> firstInDocuments(ScanReport report, TextRule<T> rule) {
        for (java.util.Map.Entry<String, String> document : report.documentTexts().entrySet()) {
            String text = document.getValue().length() > MAX_CHARS ? document.getValue().substring(0, MAX_CHARS) : document.getValue();
            Optional<T> found = rule.apply(Lures.collapseWhitespace(text.toLowerCase(Locale.ROOT)), Lures.withoutWhitespace(text),
                document.getKey());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void bec(ParsedMessage message, ScanContext context, ScanReport report, String lower, String chinese,
                     boolean freeMail) {
        if (!message.from().isPresent()) {
            return;
        }
        Address from = message.from().get();
        if (from.domain().isEmpty()) {
            return;
        }
        // A colleague's own address: a stolen account writes from it, but so does every real request of a colleague,
        // so only the script whole (the pretext and a request colleagues do not make by mail) counts from there.
        boolean colleague = context.isLocalDomain(from.domain());
        Optional<String> divertedTo = SenderAnalyzer.divertedReplyTo(message, from).map(Address::address);
        if (!colleague && !freeMail && !divertedTo.isPresent()) {
            return;
        }
        if (lower.codePoints().filter(c -> !Character.isWhitespace(c)).count() > BEC_MAX_CHARS) {
            return;
        }
        for (Attachment attachment : message.attachments()) {
            if (!attachment.declaredType().startsWith("image/")) {
                return;
            }
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            if (url.isPresent() && url.get().isWeb()) {
                return;
            }
        }
        Optional<String> strong = find(EN_STRONG_REQUEST, lower).or(() -> find(ZH_STRONG_REQUEST, chinese))
            .or(() -> EN_PAY.matcher(lower).find() ? find(EN_BANK_SWITCH, lower) : Optional.empty());
        Optional<String> pretext = find(EN_PRETEXT, lower).or(() -> find(ZH_PRETEXT, chinese));
        Optional<String> request = find(EN_REQUEST, lower).or(() -> find(ZH_REQUEST, chinese));
        String asked;
        if (colleague) {
            if (!strong.isPresent() || !pretext.isPresent()) {
                return;
            }
            asked = "'" + pretext.get() + "' ... '" + strong.get() + "'";
        } else if (strong.isPresent()) {
            asked = pretext.map(p -> "'" + p + "' ... ").orElse("") + "'" + strong.get() + "'";
        } else if (pretext.isPresent() && request.isPresent()) {
            asked = "'" + pretext.get() + "' ... '" + request.get() + "'";
        } else {
            return;
        }
        String who = colleague ? "a colleague's own address (" + from.address() + "; perhaps a stolen account: check with"
            + " them by telephone)"
            : freeMail ? "a free-mail address (" + from.address() + ")"
            : from.address() + " with replies diverted to " + divertedTo.get();
        double score = !colleague && strong.isPresent() && pretext.isPresent() ? BEC_WHOLE_SCRIPT_SCORE : BEC_SCORE;
        report.add("text.bec-request", score, Category.PHISH, "a short mail with no link or document from " + who
            + " asks for a favour the way business e-mail compromise does: " + asked);
    }

    private static Optional<String> wrongRecipient(String lower, String chinese) {
        if (lower.length() > BEC_MAX_CHARS * 2) {
            return Optional.empty(); // an opener is a few lines
        }
        if (!lower.contains("wrong") && !chinese.contains("发错") && !chinese.contains("加错")) {
            return Optional.empty(); // every opener has one of these: the patterns need not run
        }
        Optional<String> opener = given(EN_WRONG_RECIPIENT, lower).or(() -> find(ZH_WRONG_RECIPIENT, chinese));
        if (!opener.isPresent()) {
            return Optional.empty();
        }
        Optional<String> investing = find(EN_INVESTING, lower).or(() -> find(ZH_INVESTING, chinese));
        Optional<String> chat = find(EN_CHAT, lower).or(() -> find(ZH_CHAT, chinese));
        return investing.isPresent() && chat.isPresent()
            ? Optional.of("'" + opener.get() + "' ... '" + investing.get() + "' ... '" + chat.get() + "'") : Optional.empty();
    }

    private static Optional<String> extortion(String text, String lower, String chinese) {
        if (!Warnings.containsAny(lower, CURRENCY_CUES) && !Warnings.containsAny(chinese, ZH_CURRENCY_CUES)) {
            return Optional.empty(); // the demand names its currency: the wallet pattern need not run
        }
        Matcher wallet = WALLET.matcher(text);
        if (!wallet.find()) {
            return Optional.empty();
        }
        return given(EN_THREAT, lower).or(() -> find(ZH_THREAT, chinese))
            .map(threat -> "'" + threat + "' ... wallet " + wallet.group());
    }

    /** Reports {@code text.callback} when {@code lower} (or its Chinese form) is a callback lure; {@code in} says where. */
    private boolean callback(ScanReport report, String lower, String chinese, boolean freeMail, String in) {
        Optional<String> charge = given(EN_UNRECOGNISED_CHARGE, lower).or(() -> find(ZH_UNRECOGNISED_CHARGE, chinese));
        if (!charge.isPresent()) {
            return false;
        }
        Matcher phone = PhoneNumbers.matcher(lower);
        while (phone.find()) {
            String before = lower.substring(Math.max(0, phone.start() - CALL_WINDOW), phone.start());
            String around = before + lower.substring(phone.start(), Math.min(lower.length(), phone.end() + CALL_WINDOW));
            if ((EN_CALL.matcher(before).find() || find(ZH_CALL, before).isPresent())
                && (EN_CANCEL.matcher(around).find() || find(ZH_CANCEL, around).isPresent())) {
                report.add("text.callback", freeMail ? CALLBACK_FREEMAIL_SCORE : CALLBACK_SCORE, Category.PHISH,
                    "asks the reader to call " + phone.group().trim() + " to cancel a charge they did not make ('"
                        + charge.get() + "')" + in + (freeMail ? ", from a free-mail address" : ""));
                return true;
            }
        }
        return false;
    }

    /** The sum and the story's turns, quoted, when {@code lower} tells an advance-fee story. */
    static Optional<String> advanceFee(String lower) {
        Optional<String> sum = millions(lower);
        if (!sum.isPresent()) {
            return Optional.empty();
        }
        java.util.List<String> turns = new java.util.ArrayList<>();
        // Three turns are enough to tell the story, and to quote it.
        for (int i = 0; i < EN_ADVANCE_FEE_STORY.length && turns.size() < ADVANCE_FEE_TURNS; i++) {
            EN_ADVANCE_FEE_STORY[i].find(lower).ifPresent(turns::add);
        }
        if (turns.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < EN_ADVANCE_FEE_WEAK.length && turns.size() < ADVANCE_FEE_TURNS; i++) {
            EN_ADVANCE_FEE_WEAK[i].find(lower).ifPresent(turns::add);
        }
        if (turns.size() < ADVANCE_FEE_TURNS) {
            return Optional.empty();
        }
        return Optional.of("'" + sum.get() + "' with '" + String.join("', '", turns) + "'");
    }

    /** Currency marks a short sum ("$48m", "usd48m") starts with. */
    private static final String[] CURRENCIES = {"$", "usd", "eur", "€", "£", "gbp"};
    /** How far around "million", or after a currency mark, a sum of millions is looked for. */
    private static final int SUM_WINDOW = 40;
    /**
     * How many places a sum is looked for at: a letter states its sum among the first, and a price list of four
     * thousand dollar signs would otherwise cost 34 ms.
     */
    private static final int MAX_SUM_TRIES = 200;

    /**
     * The first sum of millions, looked for only around the word "million" and after currency marks: running
     * {@link #EN_MILLIONS} over the whole text of every message that has a dollar sign doubled this analyzer's time.
     */
    private static Optional<String> millions(String lower) {
        int tries = 0;
        for (int at = lower.indexOf("million"); at >= 0 && tries++ < MAX_SUM_TRIES; at = lower.indexOf("million", at + 7)) {
            Optional<String> sum = findIn(EN_MILLIONS, lower, at - SUM_WINDOW, at + SUM_WINDOW);
            if (sum.isPresent()) {
                return sum;
            }
        }
        for (String currency : CURRENCIES) {
            for (int at = lower.indexOf(currency); at >= 0 && tries++ < MAX_SUM_TRIES;
                 at = lower.indexOf(currency, at + currency.length())) {
                // "us$" and "u.s. $" start before the mark: begin the window a few characters back.
                Optional<String> sum = findIn(EN_MILLIONS, lower, at - 5, at + SUM_WINDOW);
                if (sum.isPresent()) {
                    return sum;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findIn(Pattern pattern, String text, int from, int to) {
        Matcher matcher = pattern.matcher(text).region(Math.max(0, from), Math.min(text.length(), to));
        matcher.useTransparentBounds(true);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** Such notices state the change up front: the start of the text is read, and only when a word of it is there. */
    private static final int PAYMENT_REDIRECT_CHARS = 4_000;

    private static Optional<String> paymentRedirect(String lower, String chinese) {
        // Every English phrase has "bank", "new account", or "changed"/"updated" beside "details" or "information".
        boolean mayHave = early(lower, "bank") || early(lower, "new account")
            || (early(lower, "changed") || early(lower, "updated"))
                && (early(lower, "details") || early(lower, "info") || early(lower, "instructions"));
        if (mayHave) {
            Matcher english = EN_PAYMENT_REDIRECT.matcher(lower).region(0, Math.min(lower.length(), PAYMENT_REDIRECT_CHARS));
            if (english.find()) {
                // A warning that quotes the notice ("a second trick: \"our bank details have changed...\"") is no notice.
                return EN_PAYMENT_CONTEXT.matcher(lower).find() && !Warnings.toldOf(lower, english.start(), english.end(), false)
                    ? Optional.of(english.group()) : Optional.empty();
            }
        }
        for (String phrase : ZH_PAYMENT_REDIRECT) {
            if (early(chinese, phrase)) {
                return find(ZH_PAYMENT_CONTEXT, chinese).isPresent() ? Optional.of(phrase) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether {@code word} occurs within the first {@link #PAYMENT_REDIRECT_CHARS} characters. */
    private static boolean early(String text, String word) {
        int index = text.indexOf(word);
        return index >= 0 && index < PAYMENT_REDIRECT_CHARS;
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /** The first match of {@code pattern} in {@code lower} that the mail says itself, not one a warning quotes. */
    private static Optional<String> given(Pattern pattern, String lower) {
        Matcher matcher = pattern.matcher(lower);
        while (matcher.find()) {
            if (!Warnings.toldOf(lower, matcher.start(), matcher.end(), false)) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(String[] phrases, String text) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }
}
