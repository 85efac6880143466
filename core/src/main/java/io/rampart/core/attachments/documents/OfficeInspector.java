package io.rampart.core.attachments.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rampart.core.analysis.Category;
import io.rampart.core.attachments.Inspection;
import io.rampart.core.attachments.archive.ArchiveFormat;
import io.rampart.core.attachments.archive.ArchiveMember;
import io.rampart.core.attachments.archive.ArchiveWalker;

/**
 * Office documents: OLE2 files (.doc, .xls, .ppt, .msi...) for VBA storages, embedded OLE packages
 * and Equation Editor objects; OOXML zips (.docx, .xlsm...) for {@code vbaProject.bin}, Excel 4.0
 * macro sheets, external relationships (remote templates, external OLE objects, frames) and DDE
 * fields; RTF for embedded objects. Every link found goes to {@link Inspection#url}; embedded files
 * and media are analysed in turn.
 *
 * <p>OLE2 is read by looking for the UTF-16LE directory entry names rather than through Apache POI:
 * the storage names that matter ({@code _VBA_PROJECT}, {@code Macros}, {@code \1Ole10Native},
 * {@code Equation Native}) are fixed and stored verbatim in the directory sectors, which keeps a
 * 3 MB dependency out of the bundle.
 */
public final class OfficeInspector {
    public static final double MACRO_SCORE = 5.0;
    public static final double REMOTE_TEMPLATE_SCORE = 6.0;
    public static final double EXTERNAL_OBJECT_SCORE = 5.0;
    public static final double EQUATION_SCORE = 4.0;
    public static final double OLE_PACKAGE_SCORE = 3.0;
    public static final double DDE_SCORE = 5.0;
    public static final double RTF_OBJECT_SCORE = 3.0;
    public static final double ACTIVEX_SCORE = 2.0;
    private static final int MAX_URLS_PER_FILE = 100;
    private static final int MAX_MEDIA_IMAGES = 10;
    /** Links are looked for in the first bytes of binary documents only (8 MiB): memory stays bounded. */
    private static final int MAX_TEXT_BYTES = 8 * 1024 * 1024;
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[\\x21-\\x7E&&[^\"'<>\\\\\\s]]{4,2000}");
    private static final Pattern RELATIONSHIP = Pattern.compile("(?is)<Relationship\\b([^>]*)/?>");
    private static final Pattern DDE = Pattern.compile("(?i)(instr(?:Text)?[^>]*>\\s*|w:instr=\"\\s*)DDE(?:AUTO)?\\b");

    private final Inspection inspection;
    private final String where;
    private final int depth;

    public OfficeInspector(Inspection inspection, String where, int depth) {
        this.inspection = inspection;
        this.where = where;
        this.depth = depth;
    }

    public static boolean isOoxml(byte[] zip) {
        // The content-types part is almost always the first entry; its name is in the first local header.
        int limit = Math.min(zip.length, 4096);
        String head = new String(zip, 0, limit, StandardCharsets.ISO_8859_1);
        return head.contains("[Content_Types].xml");
    }

    public void ole(byte[] content) {
        if (contains(content, utf16("_VBA_PROJECT"))) {
            inspection.finding("office.macro", MACRO_SCORE, Category.MALWARE,
                where + ": Office document contains VBA macros (_VBA_PROJECT storage)");
        }
        if (contains(content, utf16("\u0001Ole10Native"))) {
            inspection.finding("office.ole-package", OLE_PACKAGE_SCORE, Category.MALWARE,
                where + ": Office document embeds an OLE package (a file that runs when clicked)");
        }
        if (contains(content, utf16("Equation Native"))) {
            inspection.finding("office.equation-editor", EQUATION_SCORE, Category.MALWARE,
                where + ": Office document embeds an Equation Editor object (exploited by CVE-2017-11882)");
        }
        int length = Math.min(content.length, MAX_TEXT_BYTES);
        urls(new String(content, 0, length, StandardCharsets.ISO_8859_1), where);
        urls(new String(content, 0, length & ~1, StandardCharsets.UTF_16LE), where);
        if (length > 1) {
            urls(new String(content, 1, (length - 1) & ~1, StandardCharsets.UTF_16LE), where);
        }
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return io.rampart.core.signatures.TestSignatureAnalyzer.contains(haystack, needle);
    }

    public void ooxml(byte[] content, String name) {
        int[] media = {0};
        boolean[] macro = {false};
        new ArchiveWalker(inspection.budget()).walk(content, ArchiveFormat.ZIP, name, where, new ArchiveWalker.Listener() {
            @Override
            public void member(ArchiveMember member) {
                String path = member.name();
                String lower = path.toLowerCase(Locale.ROOT);
                String memberWhere = where + " > " + path;
                if (lower.endsWith("vbaproject.bin") && !macro[0]) {
                    macro[0] = true;
                    inspection.finding("office.macro", MACRO_SCORE, Category.MALWARE,
                        where + ": Office document contains VBA macros (" + path + ")");
                }
                if (lower.startsWith("xl/macrosheets/") && !macro[0]) {
                    macro[0] = true;
                    inspection.finding("office.macro", MACRO_SCORE, Category.MALWARE,
                        where + ": workbook contains Excel 4.0 macro sheets (" + path + ")");
                }
                if (lower.contains("/activex/") && lower.endsWith(".xml") && !lower.contains("_rels")) {
                    inspection.finding("office.activex", ACTIVEX_SCORE, Category.MALWARE,
                        where + ": Office document contains ActiveX controls (" + path + ")");
                }
                if (!member.content().isPresent()) {
                    return;
                }
                byte[] bytes = member.content().get();
                if (lower.endsWith(".rels")) {
                    relationships(new String(bytes, StandardCharsets.UTF_8), memberWhere);
                } else if (lower.contains("/embeddings/")) {
                    inspection.file(bytes, path.substring(path.lastIndexOf('/') + 1), memberWhere, depth + 1);
                } else if (lower.contains("/media/") && media[0] < MAX_MEDIA_IMAGES
                    && lower.matches(".*\\.(png|jpe?g|gif|bmp)$")) {
                    media[0]++;
                    inspection.imageBytes(bytes, memberWhere);
                } else if (lower.endsWith("document.xml") || lower.matches(".*(sheet\\d*|slide\\d*)\\.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    Matcher dde = DDE.matcher(xml);
                    if (dde.find()) {
                        inspection.finding("office.dde", DDE_SCORE, Category.MALWARE,
                            where + ": Office document has a DDE field that runs a command (" + path + ")");
                    }
                    if (lower.endsWith("word/document.xml")) {
                        // What the document says, for the text analyzers (a callback lure sent as a Word "invoice").
                        inspection.report().documentText(where, wordText(xml));
                    }
                }
            }

            @Override
            public void headersEncrypted() {
                inspection.encrypted(where, "Office document");
            }
        });
    }

    /** The text of a WordprocessingML body: one line per paragraph, markup dropped, the first {@link #MAX_WORD_TEXT} characters. */
    static String wordText(String xml) {
        String head = xml.length() > MAX_WORD_XML ? xml.substring(0, MAX_WORD_XML) : xml;
        String text = WORD_PARAGRAPH_END.matcher(head).replaceAll("\n");
        text = XML_TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
            .replace("&amp;", "&");
        return text.length() > MAX_WORD_TEXT ? text.substring(0, MAX_WORD_TEXT) : text;
    }

    private static final int MAX_WORD_XML = 400_000;
    private static final int MAX_WORD_TEXT = 10_000;
    private static final java.util.regex.Pattern WORD_PARAGRAPH_END = java.util.regex.Pattern.compile("</w:p>|<w:br/>|<w:tab/>");
    private static final java.util.regex.Pattern XML_TAG = java.util.regex.Pattern.compile("<[^>]*>");

    private void relationships(String xml, String relsWhere) {
        Matcher matcher = RELATIONSHIP.matcher(xml);
        int count = 0;
        while (matcher.find() && count++ < 10_000) {
            String attributes = matcher.group(1);
            String target = attribute(attributes, "Target");
            if (target == null || !"External".equalsIgnoreCase(attribute(attributes, "TargetMode"))) {
                continue;
            }
            String type = attribute(attributes, "Type");
            String kind = type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
            String decoded = target.replace("&amp;", "&");
            if (kind.equals("attachedTemplate")) {
                inspection.finding("office.remote-template", REMOTE_TEMPLATE_SCORE, Category.MALWARE,
                    where + ": document loads a remote template from " + decoded);
            } else if (kind.equals("oleObject") || kind.equals("frame") || kind.equals("subDocument")
                || decoded.toLowerCase(Locale.ROOT).startsWith("mhtml:")
                || decoded.toLowerCase(Locale.ROOT).startsWith("ms-")) {
                inspection.finding("office.external-object", EXTERNAL_OBJECT_SCORE, Category.MALWARE,
                    where + ": document loads an external " + kind + " from " + decoded);
            }
            Matcher url = URL.matcher(decoded);
            if (url.find()) {
                inspection.url(url.group(), "'" + kind + "' relationship in " + relsWhere);
            }
        }
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = Pattern.compile("(?i)\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')").matcher(attributes);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }

    public void rtf(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, MAX_TEXT_BYTES), StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("\\object") && (lower.contains("\\objdata") || lower.contains("\\objupdate"))) {
            boolean equation = lower.contains("equation") || lower.contains("0002ce02");
            inspection.finding(equation ? "office.equation-editor" : "rtf.object",
                equation ? EQUATION_SCORE : RTF_OBJECT_SCORE, Category.MALWARE,
                where + ": RTF embeds an OLE object" + (equation ? " (Equation Editor, CVE-2017-11882)" : "")
                    + (lower.contains("\\objupdate") ? " that updates itself on opening" : ""));
        }
        urls(text, where);
    }

    /** Links written in a text (an ICS invite, a text attachment, a binary's strings). */
    public static void textUrls(Inspection inspection, String text, String where) {
        Matcher matcher = URL.matcher(text);
        int count = 0;
        while (matcher.find() && count++ < MAX_URLS_PER_FILE) {
            String url = matcher.group();
            while (!url.isEmpty() && ".,;:)]}".indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
            }
            inspection.url(url, where);
        }
    }

    private void urls(String text, String at) {
        textUrls(inspection, text, at);
    }
}
