package io.rampart.core.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.links.Downloads;
import io.rampart.core.links.NormalizedUrl;
import io.rampart.core.links.UrlNormalizer;
import io.rampart.core.message.ParsedMessage;

/**
 * Mail that asks the reader to do the attacker's step by hand, so that nothing in it is a file or a link a
 * gateway would stop:
 * <ul>
 * <li>{@code text.paste-and-run} ("ClickFix", MITRE ATT&amp;CK T1204.004, malicious copy and paste): open the
 * Windows Run dialog (Win+R) or a terminal and paste what the page or mail has put on the clipboard. The fake
 * CAPTCHA and the fake "fix this error" of 2024-2025 ask exactly this; no honest sender asks a stranger to paste
 * something unseen into Run. Enough on its own when it is dressed so (a robot check, a verification, an error to fix).</li>
 * <li>{@code text.download-cradle}: a command line that fetches code from the web and runs it. PowerShell's
 * {@code iex} of a download weighs little (installers of developer tools, Chocolatey and Scoop, are written so); an
 * encoded or hidden PowerShell, {@code mshta} of a URL, {@code certutil -urlcache}, {@code bitsadmin /transfer} or
 * {@code regsvr32 /i:http} more: that is how malware starts, not how documentation reads.</li>
 * <li>{@code text.device-code}: device-code phishing (Microsoft's "Storm-2372" report, February 2025): the reader
 * is sent to the provider's real device sign-in page (microsoft.com/devicelogin, google.com/device,
 * github.com/login/device) with a code the attacker generated; entering it signs the attacker's session in as
 * the reader. The providers show such codes on a screen, never in mail, and they expire in minutes.</li>
 * <li>{@code text.remote-access-request}: the reader is asked to open a remote-support tool (Quick Assist, AnyDesk,
 * TeamViewer, ScreenConnect...) and give its code or ID to someone who will call: how the "IT help desk" of the
 * 2024-2025 ransomware crews (Microsoft's Storm-1811, Black Basta) takes over a machine after flooding its user's
 * mailbox. A vendor's support desk asks the same of its customers, so it weighs little alone, and more when the mail
 * poses as the reader's own IT (an IT help desk or service desk, "your mailbox", a spam filter being installed). Not read
 * on mail from the organisation's own domains, whose IT works so every day.</li>
 * <li>{@code link.threat-download}: a threat with the law ({@code text.lure-legal}) and a link that downloads an
 * archive or a program, from whatever site: the fake "notice to appear in court" with the notice as a zip (since 2021)
 * and the copyright claim whose "evidence" is a zip (2024-2026) deliver malware so; {@code link.risky-download} weighs a
 * file from another site than the sender's, and these senders link to their own. Not a threat to the account: a
 * vendor's "your licence will be suspended" beside its own installer is how renewal notices read.</li>
 * </ul>
 * Read from the message's first {@link #MAX_CHARS} characters and then from the text of attached documents (the
 * remote-access request from the message only).
 */
public final class UserExecutionAnalyzer implements Analyzer {
    public static final double PASTE_AND_RUN_SCORE = 4.0;
    /** A robot check, or an error to fix, that has the reader paste into Run: no honest form, enough on its own. */
    public static final double COSTUMED_SCORE = 5.0;
    /**
     * PowerShell running what it downloads: Chocolatey's and Scoop's installers are written so too, and a developers'
     * newsletter quoting one (with its link to a .ps1, link.risky-download) must not reach the threshold on rules alone.
     */
    public static final double DOWNLOAD_CRADLE_SCORE = 2.0;
    /**
     * A hidden or encoded PowerShell, or a Windows tool made to fetch code (mshta, certutil, bitsadmin, regsvr32): how
     * malware starts, never how an installer's documentation reads.
     */
    public static final double STEALTHY_CRADLE_SCORE = 3.5;
    public static final double REMOTE_ACCESS_SCORE = 2.5;
    public static final double REMOTE_ACCESS_AS_IT_SCORE = 4.0;
    /** A device code mailed to someone: the code is the attacker's session, enough on its own. */
    public static final double DEVICE_CODE_SCORE = 5.0;
    public static final int MAX_CHARS = 12_000;
    public static final String THREAT_DOWNLOAD_RULE = "link.threat-download";
    public static final double THREAT_DOWNLOAD_SCORE = 2.5;
    private static final java.util.Set<String> THREATS = java.util.Set.of("text.lure-legal");
    /** How far apart the shortcut that opens a prompt and the one that pastes may be. */
    private static final int PASTE_WINDOW = 300;
    /** How far from the device sign-in address the code may be. */
    private static final int CODE_WINDOW = 300;

    /**
     * What opens a prompt by the keyboard, as the lures spell it out for people who do not know how: Win+R ("Windows
     * key + R", "Windows-Taste + R", "Win + R 键"), Win+X for the admin terminal, Command+Space then Terminal on a
     * Mac. "Open PowerShell and paste..." is left out: developer tools' install notes say that, with the command shown.
     */
    private static final Pattern OPEN_PROMPT = Pattern.compile(
        "(?:\\bwin(?:dows)?|⊞)\\s*(?:[- ]?(?:logo )?(?:key|button|taste|tecla|touche|键)\\s*)?[+＋]\\s*(?:the )?(?:letter )?"
            + "[\"'“]?[rx]\\b"
            + "|\\bwindows(?:[- ]logo)? key and (?:the )?(?:letter )?[\"'“]?[rx]\\b"
            + "|\\b(?:cmd|command|⌘)\\s*[+＋]\\s*space\\b.{0,80}\\bterminal\\b"
            + "|打开(?:运行|命令提示符|终端)");
    /**
     * What an honest instruction pastes is shown in the mail: a share (\\fs02\finance), a folder (C:\..., %appdata%).
     * ClickFix never shows it: the command sits on the clipboard, put there by the page.
     */
    private static final Pattern SHOWN_PATH = Pattern.compile("\\\\\\\\[\\w.-]+\\\\|\\b[a-z]:\\\\|%[a-z_]+%");
    /** Pasting: Ctrl+V and its Mac and German forms, or the word. */
    private static final Pattern PASTE = Pattern.compile(
        "\\b(?:ctrl|control|strg|cmd|command)\\s*(?:\\+|-)\\s*v\\b|⌘\\s*\\+?\\s*v\\b|\\bpaste\\b|\\beinfügen\\b|\\bcoller\\b"
            + "|\\bpegar\\b|\\bcolar\\b|\\bincolla\\b|粘贴");
    /** Words every match of {@link #OPEN_PROMPT} contains. */
    private static final String[] OPEN_PROMPT_CUES = {"win", "⊞", "space", "打开"};
    /** Words every match of {@link #PASTE} contains. */
    private static final String[] PASTE_CUES = {
        "ctrl", "control", "strg", "cmd", "command", "⌘", "paste", "einfügen", "coller", "pegar", "colar", "incolla", "粘贴",
    };
    /** The costume: a robot check, a human verification, or an error the paste would fix. */
    private static final Pattern COSTUME = Pattern.compile(
        "\\b(?:not a robot|are human|human verification|verify (?:that )?you(?: are|'re) (?:human|not a robot)|captcha"
            + "|verification (?:code|step|steps)|to verify|i'?m not a robot|fix|repair|error|could not be (?:opened|displayed))\\b"
            + "|人机验证|验证码|完成验证|机器人|修复|错误");

    /** PowerShell that runs what it downloads. */
    private static final Pattern INVOKE = Pattern.compile("\\b(?:iex|invoke-expression)\\b");
    private static final Pattern DOWNLOAD = Pattern.compile(
        "\\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloaddata|downloadfile|net\\.webclient"
            + "|start-bitstransfer)\\b");
    /** A command whose every use in mail is running something unseen or fetched. */
    private static final Pattern STEALTHY_CRADLE = Pattern.compile(
        "\\bpowershell(?:\\.exe)?\\b[^\\n]{0,120}?\\s[-/](?:e|ec|enc|encodedcommand)\\s+[a-z0-9+/=]{20,}"
            + "|\\bpowershell(?:\\.exe)?\\b[^\\n]{0,120}?\\s[-/](?:w|win|window|windowstyle)\\s+(?:hidden|h|1)\\b"
            + "|\\bmshta(?:\\.exe)?\\s+[\"']?(?:https?|vbscript|javascript):"
            + "|\\bcertutil(?:\\.exe)?\\b[^\\n]{0,40}?-urlcache\\b"
            + "|\\bbitsadmin(?:\\.exe)?\\s+/transfer\\b"
            + "|\\bregsvr32(?:\\.exe)?\\b[^\\n]{0,40}?/i:\\s*https?:");
    private static final String[] STEALTHY_CRADLE_CUES = {"powershell", "mshta", "certutil", "bitsadmin", "regsvr32"};
    private static final String[] INVOKE_CUES = {"iex", "invoke-expression"};
    /** How far apart the PowerShell download and the invocation of its result may be. */
    private static final int CRADLE_WINDOW = 200;

    /** The providers' device sign-in pages. */
    private static final Pattern DEVICE_LOGIN = Pattern.compile(
        "\\b(?:(?:www\\.)?microsoft\\.com/devicelogin|aka\\.ms/devicelogin|login\\.microsoftonline\\.com/[\\w.-]+/oauth2/deviceauth"
            + "|(?:www\\.)?google\\.com/device|github\\.com/login/device)\\b");
    private static final String[] REMOTE_TOOL_CUES = {
        "quick assist", "quickassist", "anydesk", "teamviewer", "screenconnect", "connectwise control", "ultraviewer", "rustdesk",
        "logmein", "splashtop", "zoho assist", "supremo", "remote utilities", "remote assistance", "ctrl + windows + q",
        "ctrl+windows+q", "ctrl + win + q", "ctrl+win+q", "远程协助", "向日葵", "todesk",
    };
    /**
     * One word of each tool's name, looked for before the text's whitespace is collapsed: a name of two words
     * wrapped over two lines ("Quick\nAssist") is still found, and mail with none of them costs one scan.
     */
    private static final String[] REMOTE_TOOL_WORDS = {
        "assist", "anydesk", "teamviewer", "screenconnect", "connectwise", "ultraviewer", "rustdesk", "logmein", "splashtop",
        "supremo", "utilities", "ctrl", "远程协助", "向日葵", "todesk",
    };
    /** Giving the tool's code or ID to the caller, or letting them in. */
    private static final Pattern SHARE_ACCESS = Pattern.compile(
        "\\b(?:give|tell|read|send|share|provide|forward)\\w* (?:(?:him|her|them|us|me|the (?:technician|agent|engineer|caller))"
            + " )?(?:the |your |our )?(?:\\d-digit |six-digit |\\d+ digit )?(?:security |access |session |connection |partner |remote )?"
            + "(?:code|id|password|pin|number)\\b"
            + "|\\bso (?:that )?(?:he|she|they|we|i|the technician|our technician|the engineer) (?:can|could|may) (?:connect|access|take"
            + " control|log ?in|remote)"
            + "|(?:识别码|验证码|设备代码|连接码)[^，。,.]{0,8}(?:告诉|发给|提供给)|提供(?:验证码|识别码|连接码)");
    /** The mail poses as the reader's own IT: the script of the help-desk caller. */
    private static final Pattern OWN_IT = Pattern.compile(
        "\\b(?:it (?:help ?desk|service ?desk|support|department|team|admin)|help ?desk|service ?desk|your mailbox"
            + "|spam (?:filter|flood|wave|attack)|we are (?:installing|updating|fixing))\\b|信息中心|技术支持|网络管理员");
    private static final String[] DEVICE_CUES = {"devicelogin", "deviceauth", "/device"};
    /**
     * A device code as the providers print it: GK7X-QM2L, BDWD-HQPK, FQK5HW3UF, ABC-DEF-GHI (upper case, read on the original
     * text). The look-ahead for a letter stops after the code's length, so a long run of capitals costs nothing.
     */
    private static final Pattern CODE = Pattern.compile(
        "(?<![A-Za-z0-9-])(?=[A-Z0-9-]{0,10}[A-Z])(?:[A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z]{3}-[A-Z]{3}-[A-Z]{3}|(?=[A-Z]{0,8}[0-9])[A-Z0-9]{8,9})(?![A-Za-z0-9-])");

    @Override
    public String name() {
        return "user-execution";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        String text = message.leadingText(MAX_CHARS);
        String folded = text.toLowerCase(Locale.ROOT);
        remoteAccess(message, context, folded, report);
        threatDownload(report);
        if (!read(text, folded, "", report)) {
            for (Map.Entry<String, String> document : report.documentTexts().entrySet()) {
                String documentText = document.getValue().length() > MAX_CHARS
                    ? document.getValue().substring(0, MAX_CHARS) : document.getValue();
                if (read(documentText, documentText.toLowerCase(Locale.ROOT), " in " + document.getKey(), report)) {
                    return;
                }
            }
        }
    }

    /** Reports {@link #THREAT_DOWNLOAD_RULE}: a threat and a link to an archive or a program. */
    private static void threatDownload(ScanReport report) {
        Optional<Finding> threat = report.first(THREATS);
        if (threat.isEmpty()) {
            return;
        }
        for (String raw : report.urls()) {
            Optional<NormalizedUrl> url = UrlNormalizer.normalize(raw);
            // No sender given: a file from the sender's own site counts here.
            Optional<String> file = url.flatMap(u -> Downloads.risky(u, ""));
            if (file.isPresent()) {
                report.add(THREAT_DOWNLOAD_RULE, THREAT_DOWNLOAD_SCORE, Category.MALWARE, Lures.describe(threat.get().rule())
                    + " and links to download '" + file.get() + "' from " + url.get().host()
                    + ": how fake court notices and copyright claims deliver malware");
                return;
            }
        }
    }

    /** Reports {@code text.remote-access-request} on mail from outside the organisation's domains. */
    private static void remoteAccess(ParsedMessage message, ScanContext context, String lowerText, ScanReport report) {
        if (!Warnings.containsAny(lowerText, REMOTE_TOOL_WORDS)
            || message.from().map(from -> context.isLocalDomain(from.domain())).orElse(false)) {
            return;
        }
        String folded = Lures.collapseWhitespace(lowerText);
        Optional<String> tool = Arrays.stream(REMOTE_TOOL_CUES).filter(folded::contains).findFirst();
        if (tool.isEmpty()) {
            return;
        }
        Matcher share = SHARE_ACCESS.matcher(folded);
        if (!share.find()) {
            return;
        }
        String name = message.from().flatMap(from -> from.displayName()).orElse("").toLowerCase(Locale.ROOT);
        Matcher ownIt = OWN_IT.matcher(name + "\n" + folded);
        boolean asIt = ownIt.find();
        report.add("text.remote-access-request", asIt ? REMOTE_ACCESS_AS_IT_SCORE : REMOTE_ACCESS_SCORE, Category.PHISH,
            "asks the reader to open " + tool.get() + " and hand over access ('" + share.group() + "')"
                + (asIt ? ", posing as IT ('" + ownIt.group() + "'): the help-desk call that takes over a machine"
                : ": check that the person who will call is who they say"));
    }

    /** {@code folded} is {@code text} lower-cased. */
    private static boolean read(String text, String folded, String where, ScanReport report) {
        // Each rule needs a word few messages have: the patterns run only where one is (they cost a third of a
        // millisecond a message when they all ran on every text).
        boolean paste = Warnings.containsAny(folded, PASTE_CUES) && Warnings.containsAny(folded, OPEN_PROMPT_CUES);
        boolean stealthyCradle = Warnings.containsAny(folded, STEALTHY_CRADLE_CUES);
        boolean invoke = Warnings.containsAny(folded, INVOKE_CUES);
        boolean device = Warnings.containsAny(folded, DEVICE_CUES);
        if (!paste && !stealthyCradle && !invoke && !device) {
            return false;
        }
        String lower = Lures.collapseWhitespace(folded);
        boolean found = false;
        Optional<int[]> pasteAndRun = paste
            ? pasteAndRun(lower).filter(span -> !Warnings.toldOf(lower, span[0], span[1], true)) : Optional.empty();
        if (pasteAndRun.isPresent()) {
            boolean costume = COSTUME.matcher(lower).find();
            report.add("text.paste-and-run", costume ? COSTUMED_SCORE : PASTE_AND_RUN_SCORE, Category.MALWARE,
                "tells the reader to open a command prompt and paste into it ('"
                    + lower.substring(pasteAndRun.get()[0], pasteAndRun.get()[1]) + "')" + where
                    + (costume ? ", dressed as a verification or a fix" : "") + ": what it pastes is the attacker's command");
            found = true;
        }
        Matcher stealthy = STEALTHY_CRADLE.matcher(lower);
        Optional<int[]> cradle = stealthyCradle && stealthy.find() ? Optional.of(new int[] {stealthy.start(), stealthy.end()})
            : Optional.empty();
        if (cradle.isPresent()) {
            if (!Warnings.namesAttackers(lower, cradle.get()[0], cradle.get()[1])) {
                report.add("text.download-cradle", STEALTHY_CRADLE_SCORE, Category.MALWARE, "gives a command that runs code"
                    + " hidden, encoded or fetched by a Windows tool" + where + ": '" + stealthy.group() + "'");
                found = true;
            }
        } else if (invoke) {
            cradle = invokedDownload(lower).filter(span -> !Warnings.namesAttackers(lower, span[0], span[1]));
            cradle.ifPresent(span -> report.add("text.download-cradle", DOWNLOAD_CRADLE_SCORE, Category.MALWARE,
                "gives a command that downloads and runs code" + where + ": '" + lower.substring(span[0], span[1]) + "'"));
            found |= cradle.isPresent();
        }
        Optional<String> deviceCode = device ? deviceCode(Lures.collapseWhitespace(text), lower) : Optional.empty();
        if (deviceCode.isPresent()) {
            report.add("text.device-code", DEVICE_CODE_SCORE, Category.PHISH,
                "sends the reader to a device sign-in page with a code to enter" + where + " (" + deviceCode.get()
                    + "): the code signs in the session of whoever generated it");
            found = true;
        }
        return found;
    }

    /** Where in {@code lower} the reader is told to open a prompt and paste: {start, end}. */
    private static Optional<int[]> pasteAndRun(String lower) {
        if (SHOWN_PATH.matcher(lower).find()) {
            return Optional.empty();
        }
        Matcher open = OPEN_PROMPT.matcher(lower);
        while (open.find()) {
            int end = Math.min(lower.length(), open.end() + PASTE_WINDOW);
            Matcher paste = PASTE.matcher(lower).region(open.end(), end);
            if (paste.find()) {
                return Optional.of(new int[] {open.start(), paste.end()});
            }
        }
        return Optional.empty();
    }

    /** Where in {@code lower} PowerShell runs what it downloads: {start, end}. */
    private static Optional<int[]> invokedDownload(String lower) {
        Matcher invoke = INVOKE.matcher(lower);
        while (invoke.find()) {
            int from = Math.max(0, invoke.start() - CRADLE_WINDOW);
            int to = Math.min(lower.length(), invoke.end() + CRADLE_WINDOW);
            Matcher download = DOWNLOAD.matcher(lower).region(from, to);
            if (download.find()) {
                return Optional.of(new int[] {Math.min(invoke.start(), download.start()), Math.max(invoke.end(), download.end())});
            }
        }
        return Optional.empty();
    }

    /** The device sign-in page and code ("page, code X"), unless the mail tells of them as a warning. */
    private static Optional<String> deviceCode(String collapsed, String lower) {
        // Lower-casing keeps the length but for a few letters (İ): then the code is looked for in the whole text.
        boolean aligned = collapsed.length() == lower.length();
        Matcher page = DEVICE_LOGIN.matcher(lower);
        while (page.find()) {
            Matcher code = CODE.matcher(collapsed);
            if (aligned) {
                code.region(Math.max(0, page.start() - CODE_WINDOW), Math.min(collapsed.length(), page.end() + CODE_WINDOW));
            }
            while (code.find()) {
                if (aligned && code.start() >= page.start() && code.end() <= page.end()) {
                    continue;
                }
                if (Warnings.toldOf(lower, page.start(), page.end(), false)) {
                    return Optional.empty();
                }
                return Optional.of(page.group() + ", code " + code.group());
            }
        }
        return Optional.empty();
    }
}
