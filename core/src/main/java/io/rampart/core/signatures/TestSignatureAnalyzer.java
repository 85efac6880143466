package io.rampart.core.signatures;

import java.nio.charset.StandardCharsets;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;

/**
 * The industry test signatures every filter must honour: GTUBE (spam) in any text, and the EICAR
 * anti-virus test file (malware) in any part. Inside archives and embedded files (any format, any
 * depth within the caps) the EICAR file is found by the attachment analysis
 * ({@code io.rampart.core.attachments}), which walks them once for every check.
 */
public final class TestSignatureAnalyzer implements Analyzer {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    public static final double GTUBE_SCORE = 100;
    public static final double EICAR_SCORE = 100;
    private static final byte[] EICAR_BYTES = EICAR.getBytes(StandardCharsets.US_ASCII);

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
            if (isEicarFile(attachment.content())) {
                report.add("malware.eicar", EICAR_SCORE, Category.MALWARE, "EICAR test file in " + attachment.describe());
            }
        }
    }

    /** How far into a file the EICAR string is looked for. */
    static final int EICAR_WINDOW = 1024;

    /**
     * Whether a file is the EICAR test file. The standard defines it as a file that starts with the string
     * (up to 128 bytes with trailing white space), and scanners look there only; a little slack covers a
     * byte-order mark or a blank line. Searching whole files cost a tenth of the CPU time on mail carrying
     * large archives, to find a string that anti-virus products would not report there.
     */
    public static boolean isEicarFile(byte[] content) {
        return contains(content, EICAR_BYTES, Math.min(content.length, EICAR_WINDOW + EICAR_BYTES.length));
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        return contains(haystack, needle, haystack.length);
    }

    private static boolean contains(byte[] haystack, byte[] needle, int limit) {
        outer:
        for (int i = 0; i <= limit - needle.length; i++) {
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
