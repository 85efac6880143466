package io.rampart.core.attachments.documents;

import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import io.rampart.core.analysis.Category;
import io.rampart.core.attachments.FileTypes;
import io.rampart.core.attachments.Inspection;
import io.rampart.core.attachments.images.TableCodes;

/**
 * HTML and SVG files sent as attachments, the classic carrier of credential phishing that opens
 * locally in a browser: password inputs, forms posting elsewhere, script redirects and meta
 * refreshes, obfuscated script, embedded {@code data:} documents and images (scanned for codes),
 * and every link.
 */
public final class MarkupInspector {
    public static final double CREDENTIAL_FORM_SCORE = 6.0;
    public static final double SCRIPT_REDIRECT_SCORE = 3.0;
    public static final double OBFUSCATION_SCORE = 2.0;
    public static final double SVG_SCRIPT_SCORE = 4.0;
    /**
     * An attached SVG image that opens a web page when clicked: the script-free form of SVG phishing
     * ("play voice message" drawn as a button). Pictures people send (logos, charts) do not link out;
     * the destination's own findings (free hosting, lookalikes, indicators) add to it. Enough on its
     * own to reach the inbound threshold (5.0): at 4.0 a voicemail lure linking to a pages.dev site
     * read clean 4.56, the model's credit for its three words of text outweighing the free hosting.
     */
    public static final double SVG_LINK_SCORE = 5.0;
    public static final double DATA_DOCUMENT_SCORE = 2.0;
    public static final double HTML_ATTACHMENT_SCORE = 0.5;
    public static final double HTA_SCORE = 6.0;
    /** Script that assembles a file embedded in it and hands it to the browser as a download (HTML smuggling). */
    public static final double SMUGGLED_FILE_SCORE = 6.0;
    /** The same construct saving a risky file type whose bytes could not be read out (encrypted, split, XOR-ed). */
    public static final double SMUGGLING_SCORE = 3.0;
    /**
     * Script that sends what the reader types to a Telegram bot or a Discord webhook: the way phishing
     * pages attached to mail collect passwords without a server of their own. No page a company attaches
     * talks to a chat bot.
     */
    public static final double EXFILTRATION_SCORE = 5.0;
    private static final Pattern EXFILTRATION = Pattern.compile(
        "(?i)api\\.telegram\\.org/bot|discord(?:app)?\\.com/api/webhooks/");
    /**
     * Script that puts a command on the reader's clipboard: the "ClickFix" page (a fake CAPTCHA, a fake "the document
     * could not be displayed") copies it and then tells the reader to paste it into Win+R or a terminal. A page
     * attached to mail has no honest reason to copy a command line for its reader.
     */
    public static final double CLIPBOARD_COMMAND_SCORE = 5.0;
    private static final Pattern CLIPBOARD = Pattern.compile(
        "(?i)navigator\\.clipboard\\.write(?:Text)?\\s*\\(|execCommand\\s*\\(\\s*[\"'`]copy[\"'`]");
    private static final Pattern COMMAND = Pattern.compile(
        "(?i)\\b(?:powershell|pwsh|mshta|cmd(?:\\.exe)?\\s*/[ck]|conhost|msiexec|rundll32|regsvr32|certutil|bitsadmin|wscript"
            + "|cscript|curl|wget|bash\\s+-c|osascript)\\b");
    /** A string literal the script decodes ({@code atob("..."), unescape("%3C...")}): read as markup when it is some. */
    private static final Pattern DECODED_LITERAL = Pattern.compile(
        "(?i)\\b(atob|unescape|decodeURIComponent)\\s*\\(\\s*([\"'`])([^\"'`]{20,})\\2\\s*\\)");
    private static final Pattern MARKUP = Pattern.compile("(?i)<(form|input|html|body|script|iframe|meta|div|a)\\b");
    /** How deep markup written by markup's script is followed. */
    private static final int MAX_WRITTEN_DEPTH = 3;
    /** Embedded payloads decoded per attachment, and the shortest base64 literal worth decoding. */
    private static final int MAX_PAYLOADS = 5;
    private static final int MIN_PAYLOAD_CHARS = 200;
    private static final int MAX_LINKS = 200;
    private static final int MAX_DATA_IMAGES = 10;
    private static final Pattern REDIRECT = Pattern.compile(
        "(?i)(window\\.|document\\.|top\\.|self\\.|parent\\.)?location(\\.href)?\\s*=|location\\.(replace|assign)\\s*\\(|"
            + "window\\.open\\s*\\(|\\.submit\\s*\\(\\s*\\)");
    private static final Pattern OBFUSCATION = Pattern.compile(
        "(?i)\\b(atob|unescape|eval|String\\.fromCharCode|decodeURIComponent)\\s*\\(|\\\\x[0-9a-f]{2}(\\\\x[0-9a-f]{2}){20}");
    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)[\"'`](https?://[^\"'`\\s]{4,2000})[\"'`]");
    private static final Pattern DATA_IMAGE = Pattern.compile(
        "(?i)data:image/(png|jpe?g|gif|bmp)[^,;]*;base64,([A-Za-z0-9+/=\\s]{100,})");
    private static final Pattern DATA_DOCUMENT = Pattern.compile("(?i)data:(text/html|application/[a-z0-9.+-]+)[;,]");
    /** Building a file in the browser: a Blob made into an object URL, or saved with the old IE/Edge calls. */
    private static final Pattern BLOB = Pattern.compile("(?i)\\bnew\\s+Blob\\s*\\(|\\.msSaveOrOpenBlob\\s*\\(|\\.msSaveBlob\\s*\\(");
    private static final Pattern SAVE = Pattern.compile("(?i)\\bcreateObjectURL\\s*\\(|\\.msSaveOrOpenBlob\\s*\\(|\\.msSaveBlob\\s*\\(");
    private static final Pattern DOWNLOAD_NAME = Pattern.compile("(?i)(?:\\.download\\s*=\\s*|setAttribute\\s*\\(\\s*[\"']download[\"']\\s*,\\s*"
        + "|\\bdownload\\s*=\\s*|msSave(?:OrOpen)?Blob\\s*\\([^,]{1,200},\\s*)[\"'`]([^\"'`<>]{1,200})[\"'`]");
    private static final Pattern BASE64_LITERAL = Pattern.compile("[\"'`]([A-Za-z0-9+/\\s]{" + MIN_PAYLOAD_CHARS + ",}={0,2})[\"'`]");

    private final Inspection inspection;
    private final String where;
    private final int depth;

    public MarkupInspector(Inspection inspection, String where, int depth) {
        this.inspection = inspection;
        this.where = where;
        this.depth = depth;
    }

    public void inspect(String markup, boolean svg) {
        Document document = svg ? Jsoup.parse(markup, "", Parser.xmlParser()) : Jsoup.parse(markup);
        String kind = svg ? "SVG image" : "HTML file";
        boolean suspicious = false;
        if (!svg && markup.toLowerCase(Locale.ROOT).contains("<hta:application")) {
            suspicious = true;
            inspection.finding("file.executable", HTA_SCORE, Category.MALWARE,
                where + ": HTML application (HTA) that runs with the user's rights");
        }
        // A text box whose characters are drawn as dots is a password box too (a trick to dodge type=password).
        Element password = document.selectFirst("input[type=password], input[style*=text-security]");
        if (password != null) {
            suspicious = true;
            String action = document.select("form[action]").eachAttr("action").stream().findFirst().orElse("");
            inspection.finding("html.credential-form", CREDENTIAL_FORM_SCORE, Category.PHISH,
                where + ": " + kind + " attachment asks for a password" + (action.isEmpty() ? "" : ", form posts to "
                    + action));
        }
        StringBuilder scripts = new StringBuilder();
        for (Element script : document.select("script")) {
            scripts.append(script.data().isEmpty() ? script.text() : script.data()).append(script.attr("src").isEmpty() ? "" : " src=" + script.attr("src")).append('\n');
        }
        for (Element element : document.getAllElements()) {
            element.attributes().forEach(attribute -> {
                if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                    scripts.append(attribute.getValue()).append('\n');
                }
            });
        }
        String script = scripts.toString();
        if (svg && (document.selectFirst("script") != null || script.length() > 0)) {
            suspicious = true;
            inspection.finding("svg.script", SVG_SCRIPT_SCORE, Category.PHISH, where + ": SVG image runs script");
        }
        if (svg) {
            for (Element anchor : document.select("a[href], a[xlink:href]")) {
                String target = (anchor.hasAttr("href") ? anchor.attr("href") : anchor.attr("xlink:href")).trim();
                if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
                    suspicious = true;
                    inspection.finding("svg.link", SVG_LINK_SCORE, Category.PHISH,
                        where + ": SVG image opens " + target + " when clicked");
                    break;
                }
            }
        }
        Element refresh = document.selectFirst("meta[http-equiv~=(?i)refresh]");
        Matcher redirect = REDIRECT.matcher(script);
        if (redirect.find() || refresh != null) {
            suspicious = true;
            String how = refresh != null ? "a meta refresh (" + refresh.attr("content") + ")" : "script (" + redirect.group() + ")";
            inspection.finding("html.script-redirect", SCRIPT_REDIRECT_SCORE, Category.PHISH,
                where + ": " + kind + " attachment sends the browser elsewhere with " + how);
            if (refresh != null) {
                Matcher url = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\"\\s>]+)").matcher(refresh.attr("content"));
                if (url.find()) {
                    inspection.url(url.group(1), "meta refresh in " + where);
                }
            }
        }
        Matcher obfuscation = OBFUSCATION.matcher(script);
        if (obfuscation.find()) {
            suspicious = true;
            inspection.finding("html.obfuscated-script", OBFUSCATION_SCORE, Category.PHISH,
                where + ": " + kind + " attachment decodes hidden script (" + obfuscation.group() + ")");
        }
        if (!svg || script.length() > 0) {
            suspicious |= smuggling(script, kind);
        }
        Matcher exfiltration = EXFILTRATION.matcher(markup);
        if (exfiltration.find()) {
            suspicious = true;
            inspection.finding("html.exfiltration", EXFILTRATION_SCORE, Category.PHISH, where + ": " + kind
                + " attachment's script sends data to " + exfiltration.group().replaceAll("/+$", ""));
        }
        Matcher command = COMMAND.matcher(script);
        if (CLIPBOARD.matcher(script).find() && command.find()) {
            suspicious = true;
            inspection.finding("html.clipboard-command", CLIPBOARD_COMMAND_SCORE, Category.MALWARE, where + ": " + kind
                + " attachment's script copies a command ('" + command.group() + "') to the clipboard, for the reader to"
                + " paste into Run or a terminal");
        }
        if (!svg) {
            // What the page tells its reader (text rules read attached documents: "press Win+R, then Ctrl+V").
            String text = document.text();
            inspection.report().documentText(where, text.length() > PdfInspector.TEXT_CHARS
                ? text.substring(0, PdfInspector.TEXT_CHARS) : text);
        }
        if (depth < MAX_WRITTEN_DEPTH) {
            suspicious |= writtenMarkup(script);
        }
        Matcher dataDocument = DATA_DOCUMENT.matcher(markup);
        if (dataDocument.find()) {
            suspicious = true;
            inspection.finding("html.data-document", DATA_DOCUMENT_SCORE, Category.PHISH,
                where + ": " + kind + " attachment carries an embedded " + dataDocument.group(1) + " data: URI");
        }
        Matcher scriptUrl = SCRIPT_URL.matcher(script);
        int links = 0;
        while (scriptUrl.find() && links++ < MAX_LINKS) {
            inspection.url(scriptUrl.group(1), "script in " + where);
        }
        for (Element element : document.select("a[href], area[href], form[action], iframe[src], embed[src], "
            + "object[data], link[href], img[src], image[href], [xlink:href]")) {
            if (links++ >= MAX_LINKS) {
                break;
            }
            String target = element.hasAttr("href") ? element.attr("href") : element.hasAttr("action")
                ? element.attr("action") : element.hasAttr("src") ? element.attr("src")
                : element.hasAttr("data") ? element.attr("data") : element.attr("xlink:href");
            if (target.regionMatches(true, 0, "http", 0, 4)) {
                inspection.url(target.trim(), element.tagName() + " in " + where);
            }
        }
        dataImages(inspection, markup, where);
        if (!svg && TableCodes.mayHoldACode(markup)) {
            tableCodes(inspection, document, where);
        }
        if (!svg && !suspicious) {
            inspection.finding("html.attachment", HTML_ATTACHMENT_SCORE, Category.PHISH,
                where + ": HTML file attached (opens locally in a browser)");
        }
    }

    /**
     * HTML smuggling (the delivery of Qakbot, IcedID, NOBELIUM's ISO files): the page carries a file in
     * its script, builds it into a Blob and makes the browser save it, so no gateway sees the file
     * attached. When the script builds and saves a Blob, base64 literals in it are decoded; one that is
     * an archive, executable, disk image, PDF or Office file is reported and analysed as a file of its
     * own (named as the script names the download). Without such a literal (payload split, XOR-ed or
     * encrypted), a download named with an executable, disk-image or archive extension is still reported.
     * A page that merely offers a "save as CSV" button builds no recognisable file and names none: not flagged.
     */
    private boolean smuggling(String script, String kind) {
        if (!BLOB.matcher(script).find() || !SAVE.matcher(script).find()) {
            return false;
        }
        Matcher nameMatcher = DOWNLOAD_NAME.matcher(script);
        java.util.Optional<String> downloadName = nameMatcher.find()
            ? java.util.Optional.of(nameMatcher.group(1).trim()) : java.util.Optional.empty();
        Matcher literal = BASE64_LITERAL.matcher(script);
        int payloads = 0;
        boolean found = false;
        while (literal.find() && payloads < MAX_PAYLOADS) {
            byte[] decoded;
            try {
                decoded = Base64.getMimeDecoder().decode(literal.group(1).replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            java.util.Optional<String> fileKind = fileKind(decoded);
            if (fileKind.isEmpty()) {
                continue;
            }
            payloads++;
            String name = downloadName.orElse("smuggled file " + payloads);
            String fileWhere = where + " > '" + name + "' (built by its script)";
            if (!found) {
                found = true;
                inspection.finding("html.smuggling", SMUGGLED_FILE_SCORE, Category.MALWARE, where + ": " + kind
                    + " attachment carries a " + fileKind.get() + " in its script and makes the browser save it"
                    + downloadName.map(n -> " as '" + n + "'").orElse(""));
            }
            inspection.file(decoded, name, fileWhere, depth + 1);
        }
        if (!found && downloadName.isPresent() && RISKY_DOWNLOADS.contains(FileTypes.extension(downloadName.get()))) {
            inspection.finding("html.smuggling", SMUGGLING_SCORE, Category.MALWARE, where + ": " + kind
                + " attachment builds a file in the browser and saves it as '" + downloadName.get() + "'");
            return true;
        }
        return found;
    }

    /**
     * Markup the script decodes and writes into the page ({@code document.write(atob("PGh0bWw+..."))}): the
     * page a reader sees is not in the file as text, so it is decoded and inspected like the file itself
     * (its password form, its links). Returns whether any was found.
     */
    private boolean writtenMarkup(String script) {
        Matcher literal = DECODED_LITERAL.matcher(script);
        int decoded = 0;
        boolean found = false;
        while (literal.find() && decoded < MAX_PAYLOADS) {
            if (inspection.budget().expired()) {
                inspection.budget().timedOut(where);
                return found;
            }
            String text;
            if (literal.group(1).equalsIgnoreCase("atob")) {
                try {
                    text = new String(Base64.getMimeDecoder().decode(literal.group(3).replaceAll("\\s+", "")),
                        java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    continue;
                }
            } else {
                text = percentDecoded(literal.group(3));
            }
            if (!MARKUP.matcher(text).find()) {
                continue;
            }
            decoded++;
            found = true;
            new MarkupInspector(inspection, where + " > markup its script writes", depth + 1).inspect(text, false);
        }
        return found;
    }

    /**
     * {@code unescape} and {@code decodeURIComponent} as lenient as a browser: {@code %XX} as bytes of UTF-8
     * (unescape would read them as Latin-1, which is the same for the ASCII of markup), {@code %uXXXX} as
     * characters, anything else as is. Not {@code URLDecoder}: it refuses a whole string for one stray {@code %}.
     */
    public static String percentDecoded(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')
                && isHex(text, i + 2, 4)) {
                flush(bytes, out);
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 6;
            } else if (c == '%' && isHex(text, i + 1, 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                flush(bytes, out);
                out.append(c);
                i++;
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static boolean isHex(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static final com.google.common.collect.ImmutableSet<String> RISKY_DOWNLOADS =
        com.google.common.collect.ImmutableSet.<String>builder().addAll(FileTypes.EXECUTABLE_EXTENSIONS)
            .addAll(FileTypes.DISK_IMAGE_EXTENSIONS).add("zip", "rar", "7z", "gz", "tar", "cab", "ace").build();

    /** What a decoded payload is, if it is a file worth delivering this way. */
    private static java.util.Optional<String> fileKind(byte[] content) {
        if (content.length < 64) {
            return java.util.Optional.empty();
        }
        java.util.Optional<String> kind = FileTypes.executableKind(content);
        if (kind.isEmpty()) {
            kind = FileTypes.diskImageKind(content);
        }
        if (kind.isEmpty()) {
            kind = io.rampart.core.attachments.archive.ArchiveFormat.sniff(content).map(format -> format.name().toLowerCase(Locale.ROOT)
                + " archive");
        }
        if (kind.isEmpty() && FileTypes.isPdf(content)) {
            kind = java.util.Optional.of("PDF");
        }
        if (kind.isEmpty() && FileTypes.isOle(content)) {
            kind = java.util.Optional.of("Office document");
        }
        return kind;
    }

    /** Draws the document's tables and blocks of boxes that look like a QR code's grid ({@link TableCodes}) and scans them. */
    public static void tableCodes(Inspection inspection, Document document, String where) {
        for (java.awt.image.BufferedImage drawn : TableCodes.render(document)) {
            inspection.image(drawn, "an HTML grid in " + where, true);
        }
    }

    /** Decodes the {@code data:image/...;base64} URIs of a markup text and scans them; returns how many. */
    public static int dataImages(Inspection inspection, String markup, String where) {
        Matcher matcher = DATA_IMAGE.matcher(markup);
        int count = 0;
        while (matcher.find() && count < MAX_DATA_IMAGES) {
            if (inspection.budget().expired()) {
                inspection.budget().timedOut(where);
                return count;
            }
            count++;
            try {
                byte[] image = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s+", ""));
                inspection.imageBytes(image, "data: image " + count + " in " + where);
            } catch (IllegalArgumentException e) {
                inspection.budget().incomplete("image.unreadable", where + count, where
                    + ": a data: image URI is not valid base64");
            }
        }
        return count;
    }
}
