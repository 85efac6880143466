package io.rampart.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lure language by family: English patterns matched on word boundaries over whitespace-collapsed
 * text; fixed phrases of the other languages phishing is common in (and of crypto fraud) as keywords;
 * Chinese phrases over the text with every space removed (Chinese has no spaces, and senders insert
 * some to dodge filters).
 */
public final class Lures {
    /** A family of lure phrases. */
    public enum Family {
        CREDENTIALS("asks to verify or re-enter account credentials"),
        SUSPENSION("threatens account suspension or loss of mail"),
        PAYMENT("talks payment, invoices, transfers or prizes"),
        URGENCY("presses for immediate action"),
        BULK("speaks the language of bulk advertising"),
        SCAM("tells a fraud's story (advance fee, inheritance, lottery, extortion, guaranteed returns)"),
        LEGAL("threatens the reader with the law (a subpoena, a summons, a lawsuit, a copyright claim)");

        private final String description;

        Family(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** What shops of hacked access sell, in the plural they list it in (a technical text says "an SMTP server"). */
    private static final String HACKED_GOODS = "cpanels|shells|smtps|rdps|webmails|mailers|ssh|whm|fullz|cvvs|dumps|leads";
    private static final Pattern[] ENGLISH = {
        Pattern.compile("\\b(verify|confirm|validate|update|re-?activate|restore|unlock|secure) (your|the) "
            + "(account|identity|password|login|credentials|mailbox|email|e-mail|information|details|billing|payment)"),
        // ... and "sign in with your Microsoft account to open it": a shared "document" that wants the password first
        // (not "log in to your account to view your statement": banks and shops write that; the account to be verified,
        // restored or kept from suspension is the lure's)
        Pattern.compile("\\b(sign|log) ?in (to|at) (your|the) (mailbox|portal|office|webmail)"
            + "|\\b(sign|log) ?in (to|at) (your|the) account (now |immediately |today )?to (verify|confirm|validate|update|restore"
            + "|unlock|re-?activate|avoid|prevent|keep|secure)"
            + "|\\b(sign|log) ?in with your (\\w+ )?(account|credentials|e-?mail|password) (first )?to (open|view|read|access) "
            + "(it|(the|this) ((secure|shared|encrypted|protected) )?(document|file|attachment|transcript|recording|meeting notes"
            + "|voice ?mail|voice message|fax))"),
        // ... and the identity a fake employer collects by mail: a Social Security number with the bank account's, asked
        // to be sent or filled in (HR's own "you will need your Social Security number and your bank account number"
        // for the payroll system says what to have ready, and asks nothing)
        Pattern.compile("\\b(enter|provide|confirm) your (password|login|username|credentials|pin|card)"
            + "|\\b(reply|send|provide|enter|fill|submit|e-?mail|forward|include|confirm|attach)\\b[^.!?]{0,80}"
            + "\\b(social security number|ssn)\\b[^.!?]{0,120}\\b(routing|bank account|account) number"),
        Pattern.compile("\\b(unusual|suspicious|unauthori[sz]ed) (sign-?in|login|activity|access|transaction)"),
        Pattern.compile("\\bpassword (will |is |has )?(expire|expires|expired|expiring|expiry|reset|about to expire)"),
        Pattern.compile("\\b(password|mailbox|account)\\b[^.!?]{0,40}\\b(is expiring|has expired|will expire|expires today)"),
        // "Your mailbox is full", "your mailbox has reached 98% of its storage", "inbox 99% full" (a mailbox's, not
        // a drive's: cloud storage services send "your storage is 90% full" themselves).
        // "Quota limit" alone is how administrators talk about quotas: a limit counts when it is the mailbox's or reached.
        Pattern.compile("\\b((mailbox|inbox|storage|quota) (is )?(full|almost full|exceeded)|(mailbox|inbox) (quota |storage )?limit"
            + "|(storage|quota) limit (reached|exceeded|has been reached)"
            + "|(mailbox|inbox|mail ?box)\\b[^.!?]{0,40}\\b(\\d{2,3} ?% (full|used)|reached \\d{2,3} ?%"
            + "|reached (its|the|your) (storage )?(limit|quota|capacity)))"),
        Pattern.compile("\\bclick (here|below|the link|the button) to (verify|confirm|validate|restore|unlock|update|"
            + "reactivate|keep|avoid|access|view)"),
    };
    private static final Pattern[] ENGLISH_SUSPENSION = {
        Pattern.compile("\\b(account|mailbox|email|access|card|service)s? (has been|have been|will be|may be|is being|is|are) "
            + "(suspended|locked|disabled|deactivated|closed|terminated|limited|restricted|blocked|on hold|deleted)"),
        Pattern.compile("\\b(suspension|deactivation|termination|closure) of your (account|mailbox|email|service)"),
        Pattern.compile("\\b((pending|undelivered|held|blocked) (messages|emails|mails)\\b"
            + "|(new|incoming) (messages|e-?mails|mails) (will be|are being|have been) (held|suspended|blocked|rejected"
            + "|returned|deleted|on hold)"
            // the fake quarantine digest: "4 new messages held in quarantine", "6 messages are held in quarantine"
            + "|\\d+ (new )?(messages|e-?mails|mails) (are |were |have been )?(held|blocked|kept) in (your )?quarantine)"),
    };
    private static final Pattern[] ENGLISH_PAYMENT = {
        Pattern.compile("\\b(wire|bank|money) transfer\\b"),
        Pattern.compile("\\b(overdue|outstanding|unpaid|pending) (invoice|payment|balance)"),
        Pattern.compile("\\b(update|change)d? (bank|banking|payment) (details|information|account)"),
        Pattern.compile("\\bgift ?cards?\\b"),
        Pattern.compile("\\b(you have won|you('ve| have) been selected|claim your (prize|reward|refund))"),
        Pattern.compile("\\b(tax )?refund (of|is|has been)"),
        Pattern.compile("\\b(bitcoin|btc|crypto) (wallet|address|payment)"),
        Pattern.compile("\\b(withdraw|claim|receive) (your|the) (funds|money|bitcoin|btc|balance|earnings|profit|payment)"),
    };
    private static final Pattern[] ENGLISH_URGENCY = {
        Pattern.compile("\\bwithin (24|48|72|12) ?(hours|hrs|h)\\b"),
        Pattern.compile("\\b(immediately|urgent(ly)?|final (notice|warning|reminder)|act now|last chance|expires? today)\\b"),
        Pattern.compile("\\bfailure to (comply|verify|update|confirm)"),
    };
    /**
     * Classic unsolicited-bulk-mail language (the families SpamAssassin's body rules have long named):
     * "this is not spam" disclaimers, removal instructions written for people who never subscribed,
     * stock touts, work-from-home and debt offers, pharmacy and enhancement pitches. Each phrase is
     * one a mailing people asked for hardly ever uses.
     */
    private static final Pattern[] ENGLISH_BULK = {
        Pattern.compile("\\bthis (e-?mail|message|mailing) is (not spam|not unsolicited|sent in compliance|being sent in compliance)"),
        // The never-passed US bills 2002 spam cited as its licence; make-money-fast chain letters ("this is not a scam",
        // "no upfront money", "read this e-mail to the end", "don't delete this") and tobacco by mail.
        Pattern.compile("\\b(bill|s\\.?) ?1618\\b|\\bh\\.? ?r\\.? ?3113\\b"
            + "|\\bthis is not (a scam|a chain letter|a pyramid( scheme)?)\\b|\\bno up-?front (money|investment|cost|fees?)\\b"
            + "|\\bwithout any up-?front\\b|\\bread this (e-?mail|message|letter) to the end\\b|\\bdon'?t delete this\\b"
            + "|\\b(cheap|discount(ed)?|low price|half price|duty[- ]free|wholesale) (cigarettes|tobacco|smokes|fags|cigars)\\b"
            + "|\\bcigarettes wholesale\\b"),
        Pattern.compile("\\b(reply|respond|send an e-?mail|e-?mail us) with (the word )?\\W?remove\\W? in the subject"),
        Pattern.compile("\\b(i|we) (have )?(got|obtained|found|received|came across|collected) yours? "
            + "((e-?mail )?(address|contact)|e-?mail id)\\b"),
        Pattern.compile("\\b(otcbb|otc ?bb|pink sheets)\\b"),
        // Job-offer phrasing only: "working from home tomorrow" is ordinary office mail.
        Pattern.compile("\\bwork[- ](from|at)[- ]home (jobs?|opportunit\\w*|business|positions?|program)"),
        Pattern.compile("\\bwork[- ]at[- ]home\\b"),
        Pattern.compile("\\b(earn|make) (money|cash|an income|extra income|\\$[\\d,]+)( a week| a month| per week| per month)? "
            + "(from|at) (your )?home"),
        Pattern.compile("\\b(financial freedom|be your own boss|extra income|residual income"
            + "|(make|making|earn|earning) (some )?(extra|easy|fast|quick|big|serious) (money|cash|income|dollars))\\b"),
        Pattern.compile("\\b(no|zero) (experience|investment) (needed|required|necessary)"),
        // Products sold only by spam for decades: enlargement, "bigger, fuller breasts", extended auto warranties
        // (the robocall's e-mail twin), cable descramblers, "lowest rates available" on insurance and loans (not a
        // shop's "lowest prices guaranteed").
        Pattern.compile("\\b(penis|breast|male) (enlargement|enhancement)|\\bbigger,? fuller breasts"
            + "|\\b(increase|enlarge|enhance),? (lift and firm )?your (breasts?|bust)\\b"
            + "|\\bextended (auto|car|vehicle) warrant(y|ies)\\b|\\b(cable|satellite) (tv )?descramblers?\\b"
            + "|\\blowest rates available\\b|\\b(term )?life insurance (rates|quotes?)\\b"),
        // "lose 10-12 lbs in 30 days", "losing an unheard of 22lbs": the pitch, not "I lost 10 pounds" (past tense).
        Pattern.compile("\\b(lose|losing|burn|burning|shed|shedding|drop) (off |up to |over |an? \\w+ of )?"
            + "(\\d+(-\\d+)? ?)?(pounds|lbs|kg|kilos|body fat)\\b"
            // today's: "melts stubborn belly fat", keto and CBD gummies, "as seen on Shark Tank"
            + "|\\bbelly fat\\b|\\b(melt|melts|melting) (away )?((stubborn|body|belly) )*fat\\b|\\b(keto|weight[- ]loss|cbd|slimming) gummies\\b"
            + "|\\bas seen on shark tank\\b"),
        Pattern.compile("\\b(human growth hormone|hgh)\\b"),
        Pattern.compile("\\b(refinance|mortgage) (rates?|now|today|loans?)\\b"),
        Pattern.compile("\\b(lower|reduce) your (mortgage|monthly payments?|interest rate)"),
        Pattern.compile("\\b(debt consolidation|eliminate (your )?debt|credit repair)"),
        // Loans and lead generation: "pre-approved", "bad credit OK", "homeowners in your area qualify for $0-down solar".
        Pattern.compile("\\b(pre-?approved|no credit check)|\\bbad credit (ok|okay|accepted|welcome|no problem)\\b"
            + "|\\bhomeowners in your (area|city|zip)|\\b(free|0[- ]down|zero[- ]down|no[- ]cost) solar panels\\b"
            + "|\\bgovernment[- ]funded solar"),
        Pattern.compile("\\b((hot|horny|lonely|naughty) (singles|wives|housewives)|(horny|naughty) (girls|women|ladies|milfs))"),
        // Dating and webcam lures: "I have some private photos for you", "sexy pics of me".
        Pattern.compile("\\b((private|naughty|sexy|nude|intimate|hot) (photos|pics|pictures|videos|selfies) (of me|for you)"
            + "|(naughty|sexy|nude) (photos|pics|pictures|selfies))\\b"),
        Pattern.compile("\\bonline casino\\b|\\b(\\d+ )?free spins\\b|\\b\\d{2,3}% (deposit|welcome|match) bonus\\b|\\bdeposit bonus\\b"),
        Pattern.compile("\\bone[- ]time (mailing|e-?mail|offer|message)\\b"),
        Pattern.compile("\\b(click|go|reply) (here|below) to (be )?remov(e|ed)\\b"),
        Pattern.compile("\\b(no|without) obligation\\b"),
        Pattern.compile("\\b(while supplies last|call (now|today) toll[- ]free)"),
        Pattern.compile("\\b(mlm|multi[- ]level marketing|network marketing)\\b"),
        // Hacked access for sale, listed as the shops list it: "cPanels - Shells - SSH/WHM - RDPs - SMTPs - Mailers".
        Pattern.compile("\\b(" + HACKED_GOODS + ")( ?[-,/&|] ?| and )(" + HACKED_GOODS + ")( ?[-,/&|] ?| and )("
            + HACKED_GOODS + ")\\b"),
        Pattern.compile("\\b((cheap|discount|generic|online) (viagra|cialis|levitra|pharmacy|meds|medications)"
            + "|(swiss |luxury |designer )?replica (watches|handbags|bags|rolex(es)?))\\b"),
        // B2B lead selling and cold marketing: attendee lists, "reply with 'Leave Out'", first page of Google.
        Pattern.compile("\\b((attendees?|exhibitors?|visitors?|delegates?) (list|contacts|database|data)\\b"
            + "|interested in (acquiring|purchasing|buying) (the|our|a|an|this) (list|data|database|attendees?|contacts?)"
            + "|reply with [\"'\u201c]?(leave out|opt ?out|unsubscribe|remove|not interested)"
            + "|first page (of|on) google|(affordable|cheap|professional) (seo|link building) (services?|packages?)"
            // SEO, web-design and guest-post pitches: "not ranking on the first page", "your website looks outdated",
            // "a free audit report", "one do-follow link".
            + "|(not|isn'?t) ranking (on|in) (the )?(first|1st|top) page|free (seo |website )?audit( report)?"
            + "|your (website|site) (looks |is )?(outdated|not mobile[- ]friendly)|your (website|site) isn'?t mobile[- ]friendly"
            + "|(contribute|publish|write|place) (a |an )?(high[- ]quality |unique )?guest (post|article)|do-?follow (link|backlink)s?)"),
        // Factory cold mail: "we are a professional manufacturer of", "glad to hear you are in the market for".
        Pattern.compile("\\b((we are|we're) (a |an |the )?((leading|professional|top|reliable|experienced) )*"
            + "(manufacturer|supplier|factory|exporter)s? (of|for|in|from)\\b"
            + "|glad to (hear|know|learn) (that )?you('re| are) (in the market|on the market|interested in)"
            + "|factory (direct )?prices?\\b)"),
    };
    /**
     * The stories frauds tell, as anti-fraud agencies describe them: advance-fee ("next of kin", a
     * deceased client's unclaimed funds, a confidential transfer of a sum), lottery wins nobody
     * entered, sextortion ("I recorded you", "I have access to your devices"), and investments with
     * guaranteed returns. Each is a phrase ordinary mail does not use.
     */
    private static final Pattern[] ENGLISH_SCAM = {
        Pattern.compile("\\bnext of kin\\b"),
        Pattern.compile("\\b(late|deceased) (client|customer|depositor)\\b"),
        Pattern.compile("\\b(inheritance|unclaimed|dormant|abandoned) (fund|funds|estate|money|sum|account|deposit|consignment)"),
        Pattern.compile("\\b(beneficiar(y|ies)|heirs?) (of|to) (the|this|his|her|my) (fund|funds|estate|inheritance|will|deposit)"),
        Pattern.compile("\\b(confidential|secret|private) business (proposal|transaction|deal|relationship)\\b"),
        // "The sum of US$10.5 million", not "transfer the amount of 2,300 EUR to the supplier" (finance mail).
        Pattern.compile("\\b(transfer|release|remit)\\w* (of )?(the |this )?(sum|fund|funds) of (us|usd|u\\.s\\.|\\$|gbp|eur|\\d|"
            + "(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\\b)"),
        // "Your e-mail address won in our e-mail draw": a draw of addresses nobody entered, and its notice's idioms.
        Pattern.compile("\\b(lottery|lotto|e-?mail draw|online draw) (winner|winning|prize|award|draw|promotion|program)"
            + "|\\be-?mail (draw|ballot)\\b|\\bwinning notification\\b|\\bto avoid (double|unwarranted) claim"),
        Pattern.compile("\\byou have (been )?(won|awarded) (the )?(sum|lottery|jackpot|\\$|us\\$|usd|gbp|\\d)"
            + "|\\b(won|awarded) the sum of\\b"),
        Pattern.compile("\\bi (have|got|gained) (full )?access to (your|all your) (devices?|computer|accounts?|e-?mail|phone|contacts)"),
        Pattern.compile("\\b(i|we) (have )?(hacked|infected|compromised) (your|the) (device|computer|account|phone|system|e-?mail|operating system)"),
        // sextortion's "video of you", "recorded you through your camera", "send the video to all your contacts"
        Pattern.compile("\\b(recorded|filmed) (a )?video of you\\b|\\b(recorded|filmed) you (through|via|with|using) (your )?(web)?cam"
            + "|\\bsend (the|this) (video|recording|footage) to (all )?(your )?(contacts|family|friends|colleagues)"),
        // returns nobody earns: "guaranteed returns of", "a strategy that earns 30% a month" (the pig-butchering pitch)
        Pattern.compile("\\b(guaranteed|daily|weekly) (returns?|profits?|roi) of\\b"
            + "|\\b(earns?|earning|returns?|profits?|yields?) (of )?(up to )?\\d{1,3} ?(%|percent) (a|per|every) (day|week|month)\\b"),
        // "Claim 500 BNB now", "claim your 2,000 USDT": tokens nobody bought, handed out to whoever connects a wallet.
        // ... and the marketplace seller who takes only payments nobody can claw back (tickets, puppies, rentals)
        Pattern.compile("\\b(double|triple) your (money|bitcoin|investment|income)"
            + "|\\bclaim (your |up to )?\\$?\\d[\\d,.]* ?(bnb|btc|eth|usdt|usdc|sol|xrp|tokens?|nfts?)\\b"
            + "|\\b(zelle|cash ?app|venmo|gift ?cards?|bitcoin|crypto(currency|currencies)?)( or (zelle|cash ?app|venmo|gift ?cards?"
            + "|bitcoin|crypto(currency|currencies)?))? only\\b"
            // the fake cheque: "deposit it and send the balance to our vendor" (job, rental and sale scams)
            + "|\\b(deposit|cash) (it|the check|the cheque) and (send|wire|transfer|forward|return) (the )?(balance|remaining|rest|excess|difference)"
            // the consignment box a diplomat delivers, the romance and inheritance stories' prop
            + "|\\b(consignment|trunk) box(es)?\\b|\\bdiplomatic (courier|agent)\\b"
            // the recovery scam that finds the victims of the others: "we can recover your lost funds, for a fee"
            + "|\\brecover your (lost|stolen) (funds|money|crypto|bitcoin|assets|investment)"
            + "|\\b(funds?|asset|crypto|bitcoin) recovery (agent|agency|expert|specialist|service|team)"),
    };
    /** Nothing but keywords and Chinese phrases (below): the English patterns are capped at 64. */
    private static final Pattern[] ENGLISH_LEGAL = {};
    /**
     * The law turned against the reader: a subpoena, a summons, a lawsuit "filed against you", a copyright claim against
     * "your website", legal action unless they pay. Courts serve no papers by e-mail and collectors write to a known
     * customer; mail that opens with these threats and a link is the fake court notice (a zip of malware since 2021), the
     * copyright claim with its "evidence" (2024-2026), the DKIM-replayed "a subpoena has been served on Google" (2025)
     * and the debt scam's last warning. Each phrase says what happens to the reader ("against you", "your website"):
     * a law firm's newsletter about a lawsuit, a court's e-filing notice to counsel, a legal hold, a colleague's "before
     * any legal action against them" and a hosting provider forwarding a copyright complaint say none of them.
     */
    private static final String[] KEYWORD_LEGAL = {
        "a subpoena has been served", "subpoena has been issued", "you have been subpoenaed", "you are hereby subpoenaed",
        "subpoena requiring the production",
        "you are hereby summoned", "hereby summoned to appear", "summoned to appear in court", "notice to appear in court",
        "required to appear in court", "heard in your absence", "in your absence the case", "default judgment may be entered against you",
        "default judgment will be entered against you", "default judgment against you",
        "lawsuit has been filed against you", "lawsuit filed against you", "complaint has been filed against you",
        // not "legal action against you": a real debt collector's letter says it, as the law lets it
        "legal proceedings will be initiated", "legal proceedings will begin", "legal proceedings against you",
        "to avoid legal action", "avoid further legal action", "warrant for your arrest", "arrest warrant has been issued",
        // not "notice of copyright infringement" or "counter-notice": hosting providers forward real ones in those words
        "infringing images on your website", "used without permission on your website", "your website will be taken down",
        "your site will be taken down", "your page will be disabled", "your account will be disabled for copyright",
    };
    private static final String[] CHINESE_LEGAL = {
        "法院传票", "传票未签收", "您有一张传票", "你有一张传票", "开庭传票", "已被起诉", "对您提起诉讼", "对你提起诉讼", "将依法起诉",
        "缺席审理", "缺席判决", "逮捕令", "通缉令", "冻结您名下", "冻结你名下", "通知您的单位和家人", "通知你的单位和家人",
    };
    private static final String[] CHINESE_CREDENTIALS = {
        "验证您的账户", "验证你的账户", "验证您的帐户", "验证账户", "验证帐户", "账户验证", "帐户验证", "账号验证", "身份验证",
        "重新登录", "重新登陆", "登录您的", "输入密码", "确认密码", "密码过期", "密码即将过期", "密码已过期", "更新密码",
        "邮箱已满", "邮箱容量", "邮箱空间不足", "升级邮箱", "邮箱升级", "邮箱验证", "账号异常", "帐号异常", "账户异常",
        "异常登录", "异常登陆", "点击链接验证", "点击下方链接", "点击以下链接", "扫码验证", "扫描二维码",
        // A bank card's number asked for in a form (a refund or subsidy page's "fill in your card number and password").
        "填写银行卡", "输入银行卡", "银行卡号及密码", "银行卡号和密码",
        // The "salary adjustment" notice of Chinese HR phishing: "log in and check your personal salary details".
        "核对个人薪资", "核对薪资", "薪资核对", "确认薪资",
    };
    private static final String[] CHINESE_SUSPENSION = {
        "账户将被冻结", "账号将被冻结", "帐户将被冻结", "账户冻结", "账号冻结", "账户已被冻结", "账号已被停用", "将被停用",
        "将被注销", "将被删除", "暂停使用", "停止服务", "限制登录", "邮件被退回", "邮件被拦截", "无法接收邮件",
        // "this month's pay will be withheld" (not "deemed to have given it up", 视为放弃: an office's own notices say it)
        "暂停发放", "停发工资",
        // the motorway toll card "stopped until you re-authenticate" (the commonest Chinese SMS and mail lure of 2024-2025)
        "ETC卡已被停用", "ETC已被停用", "ETC卡将被注销", "ETC将被停用", "etc卡已被停用", "etc卡将被注销",
        // the cloud server "released, its data gone for good" unless renewed now (a cloud's own notice earns the brand credit)
        "实例将被释放", "数据无法恢复", "数据将被清除", "数据将被永久删除",
    };
    private static final String[] CHINESE_PAYMENT = {
        "汇款", "转账", "银行账户", "银行卡号", "付款", "发票", "退税", "退款", "中奖", "奖金", "工资调整", "薪资调整", "薪酬调整", "补贴发放",
        "社保", "个税", "代开", "税款",
    };
    private static final String[] CHINESE_URGENCY = {
        "立即", "紧急", "24小时内", "48小时内", "尽快", "马上", "逾期", "否则", "最后通知", "今日内",
    };

    /**
     * Chinese fraud scripts: prize notices, guaranteed high returns, order-brushing "part-time work",
     * the fake police "safe account", deposits and fees to release money, inheritances, and the
     * government "labour subsidy" or tax refund to claim by scanning a code (the commonest Chinese
     * phishing of 2022-2025, sent as 财务部 or 人力资源部 notices).
     */
    private static final String[] CHINESE_SCAM = {
        "恭喜您中奖", "恭喜你中奖", "中奖通知", "高额回报", "稳赚不赔", "保本保息", "日赚", "刷单", "安全账户",
        "涉嫌洗钱", "保证金后", "缴纳手续费", "先交手续费", "遗产继承", "巨额遗产",
        "劳动补贴", "补贴申领", "申领补贴", "领取补贴", "扫码领取", "扫码申领", "退税款", "退税申领", "申领退税",
        // The "cancel your student loan account or your credit record suffers" script, and the "specialist" on QQ or
        // WeChat every Chinese fraud hands the victim to.
        "注销校园贷", "校园贷账户", "注销网贷", "专员微信", "专员QQ", "专员qq",
        // fees paid to a "finance teacher's" or "finance's" own WeChat (the school-fee and office-fee impostor)
        "添加财务老师微信", "加财务老师微信", "添加财务微信", "加财务微信",
        // the "part-time" task scam: paid per task, every day, for likes and follows
        "日结工资", "做一单结一单", "一单一结", "帮商家点赞", "点赞关注", "兼职刷单",
        // credit "repair" (no one can erase a credit record), the cancelled flight's "compensation" through a claims line,
        // and the medical-insurance card "misused, to be frozen"
        "征信修复", "修复征信", "消除不良记录", "消除逾期记录", "逾期记录一键消除", "征信洗白", "先修复后付款",
        "理赔专线", "补偿金将直接转入", "套取医保基金", "医保卡将被冻结", "医保卡已被冻结",
        // the stock-tip group (the commonest Chinese investment fraud: free picks, then a VIP group, then a fake platform)
        // and the "work from home on your phone" job that leads to the task scam
        "免费荐股", "推荐牛股", "领取牛股", "牛股推荐", "进群领取", "vip交流群", "网络兼职", "在家兼职", "手机兼职", "宝妈兼职",
        "宝妈学生",
    };

    /** Chinese advertising mail: "this is a mass mailing", "sorry to disturb", unsubscribe, call us, special prices. */
    private static final String[] CHINESE_BULK = {
        "此为群发", "群发邮件", "如有打扰", "带来不便", "不希望再收到", "不想再收到", "退订", "广告邮件", "欢迎来电",
        "欢迎咨询", "优惠价", "特价", "免费试用", "免费咨询", "公开课", "咨询热线", "代开发票", "低价", "折优惠",
        "无抵押", "低息贷款", "微信同号", "厂家直销", "工厂直销",
        // Disclaimers and pitches of Chinese advertising mail: "just delete it", "forgive the disturbance",
        // "sent with free (bulk-mail) software", "discount for quantity", get-rich and miracle-cure offers.
        "随手删除", "打扰之处", "免费软件发送", "量多从优", "欢迎办理", "网上赚钱", "轻松赚钱", "在家赚钱", "月入过万",
        "一夜暴富", "致富捷径", "祖传秘方", "包治", "壮阳",
        // "Call us for details" formulas.
        "来电咨询", "欢迎垂询", "来电洽谈", "欢迎洽谈", "敬请来电",
        // Sales and site promotion: "sold at 50% (5折)", "we are the manufacturer", "make us your home page",
        // "welcome to visit this site", "agents and franchisees wanted".
        "折出售", "折销售", "折酬宾", "生产厂家", "设为首页", "加入收藏", "欢迎访问本站", "诚招代理", "招商加盟",
        // Counterfeit goods, gambling sites and diet cures: "高仿 / 一比一复刻" watches, "注册即送88元彩金, 百家乐",
        // "不节食不运动, 无效退款".
        "高仿", "一比一复刻", "彩金", "百家乐", "注册即送", "注册就送", "真人娱乐", "不节食", "无效退款", "无效全额退款",
        // Forged certificates: "we make every kind of certificate, verifiable online, pay after delivery".
        "办理各类证件", "专业办证", "先办证后付款", "保真保过",
        // The other staples of Chinese advertising mail: clinics and enlargement cures for men, adult shops, paid courses
        // ("enrol by phone", "admissions brochure"), offices to let, pyramid-selling "agent membership" with "rich
        // returns", and site promotion ("this site presents", "order hotline"). Not what business mail and an office's
        // own notices also write: 公司网址 (a signature's web address), 详情请登录 (see the intranet for details), 开课时间,
        // 视频教程, nor 包过 (inside 打包过来).
        "阴茎增大", "增大增粗", "早泄", "阳痿", "性功能障碍", "尖锐湿疣", "情趣用品", "成人用品", "丰胸",
        "电话报名", "报名热线", "招生简章", "写字楼出租", "投资回报率", "丰厚回报", "代理会员",
        "本站推出", "订购热线", "价格优惠", "中国总代理",
    };

    /**
     * Lure phrases as plain keywords (word boundaries, one Aho-Corasick pass over the text): the
     * languages besides English and Chinese that bank, parcel and account phishing is most often written
     * in (Portuguese, Spanish, German, French, Italian, Dutch), and fixed English phrases of crypto
     * fraud. Each is what such a lure says and a bank's, shop's or colleague's mail seldom does; the
     * accented and unaccented spellings both appear because senders drop accents.
     */
    private static final String[] KEYWORD_CREDENTIALS = {
        // Portuguese
        "atualize seus dados", "atualizar seus dados", "atualize os seus dados", "confirme seus dados",
        "confirmar seus dados", "atualização cadastral", "atualizacao cadastral", "recadastramento", "recadastre",
        "valide sua conta", "validar sua conta", "verifique sua conta", "verificar sua conta", "regularize seu acesso",
        "regularizar seu acesso", "desbloquear sua conta", "desbloqueie sua conta", "confirme sua identidade",
        // Spanish
        "verifique su cuenta", "verificar su cuenta", "confirme sus datos", "confirmar sus datos", "actualice sus datos",
        "actualizar sus datos", "valide su cuenta", "validar su cuenta", "confirme su identidad", "desbloquear su cuenta",
        // German
        "erneuern sie die registrierung", "registrierung erneuern",
        "bestätigen sie ihre daten", "bestätigen sie ihre identität", "bestätigen sie ihr konto", "verifizieren sie ihr konto",
        "verifizieren sie ihre", "aktualisieren sie ihre daten", "ihre daten zu bestätigen", "ihre daten zu aktualisieren",
        "ihr konto zu verifizieren", "ihre identität zu bestätigen", "ihr konto zu bestätigen",
        "bestätigen sie ihre bankverbindung", "ihre bankverbindung zu bestätigen",
        // French
        "vérifier votre compte", "verifier votre compte", "vérifiez votre compte", "confirmez vos informations",
        "confirmer vos informations", "mettre à jour vos informations", "mettez à jour vos informations",
        "confirmez votre identité", "confirmer votre identité", "vérifiez votre identité", "valider votre compte",
        "validez votre compte", "réactiver votre compte",
        // Italian
        "verifica il tuo account", "verificare il tuo account", "conferma i tuoi dati", "aggiorna i tuoi dati",
        "aggiornare i tuoi dati", "conferma la tua identità", "verifica la tua identità",
        // Dutch
        "verifieer uw account", "verifieer je account", "bevestig uw gegevens", "bevestig je gegevens",
        "uw gegevens bij te werken", "je gegevens bij te werken", "bevestig uw identiteit", "verifieer uw identiteit",
        // crypto wallets: what no one but a thief asks for
        "seed phrase", "recovery phrase", "secret recovery phrase", "connect your wallet", "validate your wallet",
        "synchronize your wallet", "wallet validation",
        // the wallet drainer's "breach" notice: upgrade the wallet (with its recovery phrase) or lose the assets
        "upgrade your wallet", "migrate your wallet", "upgrade your ledger", "upgrade your trezor",
        "your assets are at risk", "your crypto assets are at risk",
        // the company's password asked for on someone else's page: "log in with your corporate credentials to view"
        "with your corporate credentials", "with your company credentials", "with your work credentials",
        "with your network credentials", "with your domain credentials", "using your corporate credentials",
        "using your company credentials", "using your network credentials", "your corporate login credentials",
    };
    private static final String[] KEYWORD_SUSPENSION = {
        "suspension of your vehicle registration", "vehicle registration will be suspended", "suspension of your driving privileges",
        "driving privileges will be suspended", "licence may be suspended", "license may be suspended",
        "licence will be suspended", "license will be suspended",
        // the utility shut-off scam: today, not on the date a real past-due notice gives
        "disconnection today", "disconnected today", "shut off today", "cut off today",
        "sua conta foi bloqueada", "sua conta será bloqueada", "sua conta sera bloqueada", "sua conta foi suspensa",
        "sua conta será suspensa", "conta será cancelada", "bloqueio da sua conta", "bloqueio do seu cartão",
        "seu cartão foi bloqueado", "seu acesso foi bloqueado",
        "su cuenta ha sido suspendida", "su cuenta será suspendida", "su cuenta ha sido bloqueada",
        "su cuenta será bloqueada", "suspensión de su cuenta",
        "ihr konto wurde gesperrt", "ihr konto wird gesperrt", "ihr konto wurde eingeschränkt", "sperrung ihres kontos",
        "vorübergehend gesperrt", "ihr zugang wurde gesperrt", "ihre karte wurde gesperrt",
        "aus sicherheitsgründen eingeschränkt", "aus sicherheitsgründen gesperrt", "zugang wird eingeschränkt",
        "votre compte a été suspendu", "votre compte sera suspendu", "votre compte a été bloqué", "votre compte sera bloqué",
        "suspension de votre compte", "votre compte sera désactivé",
        "il tuo account è stato sospeso", "il tuo account è stato bloccato", "il tuo account verrà sospeso",
        "uw account is geblokkeerd", "uw account wordt geblokkeerd", "je account is geblokkeerd", "tijdelijk geblokkeerd",
        "uw account is opgeschort",
        // the eSIM swap: "your eSIM will be deactivated, re-activate your line"
        "esim will be deactivated", "esim will be suspended", "esim has been deactivated", "reactivate your esim",
        "re-activate your esim", "your number will be deactivated", "your line will be deactivated",
    };
    private static final String[] KEYWORD_PAYMENT = {
        "resgate seus pontos", "resgatar seus pontos", "seus pontos expiram", "pontos expiram", "pontos vão expirar",
        "valor a receber", "valores a receber", "restituição", "reembolso disponível", "fatura em aberto", "código pix",
        "su reembolso", "reclame su premio", "reclamar su premio", "factura pendiente", "pago pendiente",
        "ihre rückerstattung", "ihre steuerrückerstattung", "steuerrückerstattung von", "offene rechnung", "zahlung ausstehend",
        "ausstehende zahlung",
        "votre remboursement", "facture impayée", "paiement en attente", "carte cadeau",
        "il tuo rimborso", "fattura non pagata", "pagamento in sospeso", "buono regalo",
        "uw terugbetaling", "openstaande factuur", "openstaande betaling", "cadeaubon",
        // Not "airdrop" alone: Apple's AirDrop shares files between iPhones.
        "claim your airdrop", "claim airdrop", "claim the airdrop", "exclusive airdrop", "receive your airdrop", "airdrop bonus",
        "airdrop bonuses", "airdrop claim", "token airdrop", "crypto airdrop", "crypto airdrops", "airdrop now",
        "claim your tokens", "claim your nft", "free nft", "crypto giveaway",
        // the unpaid-toll scam (E-ZPass, SunPass, FasTrak...: the commonest text and mail lure of 2024-2025)
        "unpaid toll", "unpaid tolls", "outstanding toll", "toll balance", "toll violation", "toll charges due",
        // and its sibling, the traffic fine from a camera nobody saw (DVLA, DMV)
        "unpaid traffic ticket", "unpaid traffic fine", "unpaid traffic violation", "outstanding traffic fine",
        "traffic violation penalty", "outstanding penalty charge",
        "multa pendiente de pago", "multa de tráfico pendiente", "amende impayée", "amende non réglée", "amende non payée",
        "offenes bußgeld", "bußgeld ist noch offen", "multa non pagata", "multa pendente", "boete nog niet betaald",
        // the parcel scam's small fee, in every language it is sent in
        "customs fee", "customs fees", "customs charge", "customs charges", "import duty to pay", "redelivery fee",
        "douanekosten", "zollgebühr", "zollgebühren", "frais de douane", "gastos de aduana", "tasas de aduana",
        "taxa alfandegária", "taxas alfandegárias", "taxa de importação", "dazi doganali", "spese doganali",
    };
    private static final String[] KEYWORD_URGENCY = {
        "imediatamente", "último aviso", "ultimo aviso", "em até 24 horas", "em ate 24 horas", "nas próximas 24 horas",
        "ainda hoje", "expira hoje",
        "inmediatamente", "en las próximas 24 horas", "dentro de las 24 horas", "caduca hoy", "expira hoy",
        "innerhalb von 24 stunden", "innerhalb von 48 stunden", "letzte mahnung", "letzte warnung", "läuft heute ab",
        "immédiatement", "dernier avis", "dernier rappel", "sous 24 heures", "sous 24h", "dans les 24 heures",
        "expire aujourd'hui",
        "immediatamente", "ultimo avviso", "entro 24 ore", "scade oggi",
        "onmiddellijk", "laatste herinnering", "laatste waarschuwing", "binnen 24 uur", "verloopt vandaag",
        "binnen 48 uur", "sous 48 heures", "entro 48 ore", "em até 48 horas", "dentro de las 48 horas",
        "arrive à expiration",
    };
    private static final String[] KEYWORD_BULK = {
        "proposta exclusiva", "oferta exclusiva", "promoção imperdível", "tabela promocional", "não perca esta oportunidade",
        "para não receber mais", "oferta por tiempo limitado", "no se pierda esta oportunidad", "jetzt teilnehmen",
        "nur für kurze zeit", "offre exclusive", "offre limitée", "offerta esclusiva", "offerta limitata",
        "exclusieve aanbieding", "tijdelijke aanbieding",
        // adult dating, as it is sold in those languages
        "frauen in deiner nähe", "singles in deiner nähe", "sexkontakte", "vrouwen in jouw buurt", "vrouwen bij jou in de buurt",
        "femmes célibataires", "rencontres coquines", "mujeres solteras", "mulheres solteiras", "encontros casuais",
        "donne single", "incontri piccanti",
        "women near you", "girls near you", "singles near you", "local singles", "frauen in ihrer nähe", "interessante frauen",
        "sexdate", "sexdates", "duizenden vrouwen", "expliciete beelden", "sexabenteuer", "seitensprung", "erotikdarsteller",
        "pornodarsteller", "sextreffen",
        // casino and crypto-casino promotions (the plain "jackpot" also names a lottery's news)
        "progressive jackpot", "daily jackpot", "jackpot winner", "jackpot winners", "win a jackpot", "jackpot leaderboard",
        "high rollers",
        // cold pitches of outsourcing shops and review sellers
        "hire dedicated developers", "dedicated developers starting at", "it outsourcing company from",
        "5-star google reviews", "5 star google reviews", "more 5-star reviews", "drip-fed to look natural",
        "if you are not interested, just reply", "if you're not interested, just reply",
        // 2024-2026 US spam: weight-loss injections by mail, the "weird trick" health advertorial, student-loan "relief"
        "compounded semaglutide", "compounded tirzepatide", "semaglutide without", "tirzepatide without", "ozempic without",
        "glp-1 without", "no prescription needed", "one weird trick", "5-second trick", "7-second trick", "10-second trick",
        "before it is taken down", "before it's taken down", "before this video is taken down", "free video presentation",
        "qualify for full forgiveness", "document preparation fee", "document preparation service", "payment to as little as $0",
        // Senior "final expense" insurance by mail, crypto pump-and-dump tips, and pay-per-meeting lead generation.
        "final expense coverage", "final expense insurance", "no medical exam", "guaranteed acceptance", "next 100x",
        "100x gem", "before the price explodes", "life-changing profits", "qualified sales meetings", "pay per meeting",
        "if not interested, just reply",
    };
    private static final String[] KEYWORD_SCAM = {
        "você foi selecionado", "voce foi selecionado", "você foi selecionada", "você ganhou", "voce ganhou",
        "ha sido seleccionado", "ha sido seleccionada", "usted ha ganado", "ha ganado un",
        "sie wurden ausgewählt", "sie haben gewonnen", "sie wurden als gewinner",
        "vous avez été sélectionné", "vous avez été sélectionnée", "vous avez gagné",
        "sei stato selezionato", "sei stata selezionata", "hai vinto",
        "u bent geselecteerd", "je bent geselecteerd", "u heeft gewonnen", "je hebt gewonnen",
        "double your crypto", "send btc", "send eth", "giveaway event",
        // crypto-casino windfalls: "$200 in free bitcoins every hour", "your 1 Bitcoin jackpot", "0.57 BTC prize"
        "free bitcoin", "free bitcoins", "bitcoin jackpot", "btc jackpot", "btc prize",
        // the "survey for a prize" scam
        "nehmen sie an unserer umfrage teil", "nach abschluss unseres programms", "participe da nossa pesquisa",
        "responda nossa pesquisa", "participez à notre enquête", "participa en nuestra encuesta", "doe mee aan onze enquête",
        "partecipa al nostro sondaggio", "complete our short survey", "take our short survey", "complete a short survey",
        // the task scam (2023-2025): "rate products on our platform, 40 tasks a day, paid in USDT"
        "paid in usdt", "salary in usdt", "paid daily in usdt", "tasks a day on our platform", "tasks per day on our platform",
        "help merchants optimize", "help merchants optimise", "help merchants boost", "by rating products", "rating products on our platform",
        "app optimization tasks", "product optimization tasks",
        // the rental scam: the owner is abroad and a courier or a booking site "ships you the keys" once the deposit is paid
        "ship you the keys", "mail you the keys", "send you the keys", "courier you the keys", "ship the keys to you",
        "mail the keys to you", "send the keys to you", "keys and documents are with", "keys and the documents are with",
        // the "Asian domain registration" scam (since 2008): someone has applied for your name as their "internet keyword"
        // and .cn domains, unless you (buy them first)
        "as their internet keyword", "internet keyword and china", "domain name registration center in", "please forward this to your ceo",
        "conflicts with your company name",
    };

    /** A family's English patterns, keywords and Chinese phrases, tried in that order. */
    private static final class Source {
        final Family family;
        final Pattern[] english;
        final String[] keywords;
        final String[] chinese;
        /** Where this family's patterns start among all the English ones (their bits in a word's mask). */
        int offset;

        Source(Family family, Pattern[] english, String[] keywords, String[] chinese) {
            this.family = family;
            this.english = english;
            this.keywords = keywords;
            this.chinese = chinese;
        }
    }

    /** Every family, in the order hits are reported. */
    private static final List<Source> SOURCES = java.util.Arrays.asList(
        new Source(Family.CREDENTIALS, ENGLISH, KEYWORD_CREDENTIALS, CHINESE_CREDENTIALS),
        new Source(Family.SUSPENSION, ENGLISH_SUSPENSION, KEYWORD_SUSPENSION, CHINESE_SUSPENSION),
        new Source(Family.PAYMENT, ENGLISH_PAYMENT, KEYWORD_PAYMENT, CHINESE_PAYMENT),
        new Source(Family.URGENCY, ENGLISH_URGENCY, KEYWORD_URGENCY, CHINESE_URGENCY),
        new Source(Family.BULK, ENGLISH_BULK, KEYWORD_BULK, CHINESE_BULK),
        new Source(Family.SCAM, ENGLISH_SCAM, KEYWORD_SCAM, CHINESE_SCAM),
        new Source(Family.LEGAL, ENGLISH_LEGAL, KEYWORD_LEGAL, CHINESE_LEGAL));
    /** Every family's keywords in one automaton; {@link #KEYWORD_FAMILY} gives each keyword's family. */
    private static final KeywordAutomaton KEYWORDS;
    private static final Family[] KEYWORD_FAMILY;

    static {
        KeywordAutomaton.Builder builder = KeywordAutomaton.builder();
        List<Family> families = new ArrayList<>();
        for (Source source : SOURCES) {
            for (String keyword : source.keywords) {
                builder.add(keyword);
                families.add(source.family);
            }
        }
        KEYWORDS = builder.build();
        KEYWORD_FAMILY = families.toArray(new Family[0]);
    }

    /** Lures sit near the top of a message: only this many characters are read. */
    public static final int MAX_CHARS = 12_000;

    private Lures() {
    }

    /** A hit: the family and the phrase found. */
    public static final class Hit {
        private final Family family;
        private final String phrase;

        Hit(Family family, String phrase) {
            this.family = family;
            this.phrase = phrase;
        }

        public Family family() {
            return family;
        }

        public String phrase() {
            return phrase;
        }
    }

    /**
     * What a lure finding's rule ({@code text.lure-legal}) says of the mail, as its detail begins ("threatens the reader
     * with the law ..."); the rule id itself for any other rule.
     */
    public static String describe(String rule) {
        for (Family family : Family.values()) {
            if (rule.equals("text.lure-" + family.name().toLowerCase(Locale.ROOT))) {
                return family.description();
            }
        }
        return rule;
    }

    /** The first hit of each family in {@code text}. */
    public static List<Hit> find(String fullText) {
        String text = TextNormalizer.unstyled(fullText.length() > MAX_CHARS ? fullText.substring(0, MAX_CHARS) : fullText);
        List<Hit> hits = new ArrayList<>();
        String english = collapseWhitespace(text.toLowerCase(Locale.ROOT));
        String chinese = withoutWhitespace(text);
        WordStarts words = new WordStarts(english);
        Map<Family, String> keywordHits = new java.util.EnumMap<>(Family.class);
        String normalized = TextNormalizer.normalize(text);
        KEYWORDS.scanNormalized(normalized, (id, start) -> {
            if (!toldOf(normalized, start, start + KEYWORDS.keyword(id).length())) {
                keywordHits.putIfAbsent(KEYWORD_FAMILY[id], KEYWORDS.keyword(id));
            }
        });
        for (Source source : SOURCES) {
            Optional<String> phrase = first(english, words, source);
            if (!phrase.isPresent()) {
                phrase = Optional.ofNullable(keywordHits.get(source.family));
            }
            if (!phrase.isPresent()) {
                phrase = firstChinese(chinese, source.chinese);
            }
            phrase.ifPresent(found -> hits.add(new Hit(source.family, found)));
        }
        return hits;
    }

    /** How many different phrases of {@code family} {@code fullText} has (the same words twice count once). */
    public static int distinct(String fullText, Family family) {
        String text = TextNormalizer.unstyled(fullText.length() > MAX_CHARS ? fullText.substring(0, MAX_CHARS) : fullText);
        String english = collapseWhitespace(text.toLowerCase(Locale.ROOT));
        String chinese = withoutWhitespace(text);
        WordStarts words = new WordStarts(english);
        Source source = SOURCES.stream().filter(s -> s.family == family).findFirst().orElseThrow();
        java.util.Set<String> phrases = new java.util.HashSet<>();
        for (int p = 0; p < source.english.length; p++) {
            matches(english, words, source.english[p], 1L << (source.offset + p), (match, start) -> {
                if (!toldOf(english, start, start + match.length())) {
                    phrases.add(match);
                }
                return true;
            });
        }
        String normalized = TextNormalizer.normalize(text);
        KEYWORDS.scanNormalized(normalized, (id, start) -> {
            if (toldOf(normalized, start, start + KEYWORDS.keyword(id).length())) {
                return;
            }
            if (KEYWORD_FAMILY[id] == family) {
                phrases.add(KEYWORDS.keyword(id));
            }
        });
        for (String phrase : source.chinese) {
            if (firstChinese(chinese, new String[] {phrase}).isPresent()) {
                phrases.add(phrase);
            }
        }
        return phrases.size();
    }

    /** {@code text.replaceAll("\\s+", " ")}, without the regular expression (a tenth of the time). */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }

    /** {@code text.replaceAll("[\\s\\u3000]+", "")}: Chinese has no spaces, senders insert some to dodge filters. */
    static String withoutWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c) && c != '\u3000') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What {@code \\s} matches: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Every English pattern starts on a word boundary, so it is tried only where a word starts that can
     * begin one of its matches: the same first match, without running every pattern at every character
     * of 12,000 (which was a sixth of a scan's CPU time).
     */
    private static Optional<String> first(String text, WordStarts words, Source source) {
        String[] found = new String[1];
        for (int p = 0; p < source.english.length && found[0] == null; p++) {
            matches(text, words, source.english[p], 1L << (source.offset + p), (match, start) -> {
                if (toldOf(text, start, start + match.length())) {
                    return true; // "we will never ask you to confirm your password": look further
                }
                found[0] = match;
                return false;
            });
        }
        return Optional.ofNullable(found[0]);
    }

    /**
     * Hands {@code onMatch} each match of {@code pattern} (its bit {@code bit}) and where it starts, at a word where
     * it can start, in order, until {@code onMatch} answers false.
     */
    private static void matches(String text, WordStarts words, Pattern pattern, long bit,
                                java.util.function.BiPredicate<String, Integer> onMatch) {
        Matcher matcher = null;
        for (int w = 0; w < words.count; w++) {
            if ((words.masks[w] & bit) == 0) {
                continue;
            }
            if (matcher == null) {
                matcher = pattern.matcher(text);
            }
            matcher.region(words.positions[w], text.length());
            if (matcher.lookingAt() && !onMatch.test(matcher.group(), matcher.start())) {
                return;
            }
        }
    }

    /** Where the words of a text start, and for each the patterns a match could begin with it. */
    private static final class WordStarts {
        int[] positions = new int[256];
        long[] masks = new long[256];
        int count;

        WordStarts(String text) {
            int length = text.length();
            int i = 0;
            while (i < length) {
                if (!isWordChar(text.charAt(i))) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < length && isWordChar(text.charAt(end))) {
                    end++;
                }
                // A run that starts with '_' holds no word boundary a pattern (starting with a letter) could use.
                char first = text.charAt(i);
                long mask = first == '_' || first < 128 && FIRST_CHARACTER[first] == 0 ? 0 : viable(text.substring(i, end));
                if (mask != 0) {
                    if (count == positions.length) {
                        positions = java.util.Arrays.copyOf(positions, count * 2);
                        masks = java.util.Arrays.copyOf(masks, count * 2);
                    }
                    positions[count] = i;
                    masks[count++] = mask;
                }
                i = end;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static final Pattern[] ALL_ENGLISH;
    /** Words seen before (mail repeats its vocabulary): their masks, so each word is tried once. */
    private static final io.rampart.core.util.Memo<Long> VIABLE = new io.rampart.core.util.Memo<>(100_000, 40);
    /**
     * For each ASCII character, the patterns whose match could start with it: a pattern that cannot start
     * with a word's first character cannot start with the word, so only these are tried on a new word.
     */
    private static final long[] FIRST_CHARACTER = new long[128];

    static {
        List<Pattern> all = new ArrayList<>();
        for (Source source : SOURCES) {
            source.offset = all.size();
            for (Pattern pattern : source.english) {
                if (!pattern.pattern().startsWith("\\b")) {
                    throw new IllegalStateException("lure patterns must start on a word boundary: " + pattern);
                }
                all.add(pattern);
            }
        }
        if (all.size() > 64) {
            throw new IllegalStateException("at most 64 English lure patterns, got " + all.size());
        }
        ALL_ENGLISH = all.toArray(new Pattern[0]);
        long every = all.size() == 64 ? -1L : (1L << all.size()) - 1;
        for (char c = 0; c < 128; c++) {
            FIRST_CHARACTER[c] = viable(String.valueOf(c), every);
        }
    }

    /**
     * The patterns (one bit each) whose match could start with {@code word}: those that match it, or run
     * out of input while trying (they needed more text, so the word was accepted so far). A pattern that
     * fails before the end of the word fails on any text that starts with it.
     */
    static long viable(String word) {
        return VIABLE.get(word, w -> viable(w, w.charAt(0) < 128 ? FIRST_CHARACTER[w.charAt(0)] : -1L));
    }

    /** {@link #viable(String)} among the {@code candidates} patterns only. */
    private static long viable(String word, long candidates) {
        long mask = 0;
        for (int k = 0; k < ALL_ENGLISH.length; k++) {
            if ((candidates & 1L << k) == 0) {
                continue;
            }
            Matcher matcher = ALL_ENGLISH[k].matcher(word);
            if (matcher.lookingAt() || matcher.hitEnd()) {
                mask |= 1L << k;
            }
        }
        return mask;
    }

    /**
     * Whether the lure's words at [{@code start}, {@code end}) are what a notice says it never asks for
     * ({@link Warnings#negated}) or quotes from a scam it describes ({@link Warnings#describesImpersonation}).
     */
    private static boolean toldOf(String text, int start, int end) {
        return Warnings.negated(text, start) || Warnings.describesImpersonation(text, start, end);
    }

    /** The first of {@code phrases} that {@code text} holds as a lure's own words ({@link #toldOf}). */
    private static Optional<String> firstChinese(String text, String[] phrases) {
        for (String phrase : phrases) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                if (!toldOf(text, at, at + phrase.length())) {
                    return Optional.of(phrase);
                }
            }
        }
        return Optional.empty();
    }
}
