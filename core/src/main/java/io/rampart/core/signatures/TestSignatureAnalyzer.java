package io.rampart.core.signatures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.google.common.io.ByteStreams;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/**
 * The industry test signatures every filter must honour: GTUBE (spam) in any text, and the EICAR
 * anti-virus test file (malware) in any part or inside zip archives (bounded depth and size).
 */
public final class TestSignatureAnalyzer implements Analyzer {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    public static final double GTUBE_SCORE = 100;
    public static final double EICAR_SCORE = 100;
    private static final byte[] EICAR_BYTES = EICAR.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ZIP_DEPTH = 5;
    private static final long MAX_ENTRY_BYTES = 10L * 1024 * 1024;
    private static final int MAX_ENTRIES = 1_000;

    @Override
    public String name() {
        return "test-signatures";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        if (message.subject().contains(GTUBE)) {
            report.add("gtube", GTUBE_SCORE, Category.SPAM, "GTUBE test string in the subject");
        }
        for (TextPart part : message.texts()) {
            if (part.text().contains(GTUBE) || part.html().map(html -> html.contains(GTUBE)).orElse(false)) {
                report.add("gtube", GTUBE_SCORE, Category.SPAM, "GTUBE test string in part " + part.path());
                break;
            }
        }
        for (Attachment attachment : message.attachments()) {
            String where = eicarLocation(attachment.content(), attachment.describe(), 0);
            if (where != null) {
                report.add("malware.eicar", EICAR_SCORE, Category.MALWARE, "EICAR test file in " + where);
            }
        }
    }

    private String eicarLocation(byte[] content, String where, int depth) {
        if (contains(content, EICAR_BYTES)) {
            return where;
        }
        if (depth < MAX_ZIP_DEPTH && content.length > 4 && content[0] == 'P' && content[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                ZipEntry entry;
                int entries = 0;
                while ((entry = zip.getNextEntry()) != null && entries++ < MAX_ENTRIES) {
                    byte[] inner = ByteStreams.toByteArray(ByteStreams.limit(zip, MAX_ENTRY_BYTES));
                    String found = eicarLocation(inner, where + " > " + entry.getName(), depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
