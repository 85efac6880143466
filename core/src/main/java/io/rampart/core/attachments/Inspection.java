package io.rampart.core.attachments;

import java.awt.image.BufferedImage;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;

/**
 * What the document and image inspectors may do while one message is scanned: record findings,
 * hand over the URLs, files and images they find (which are then analysed like any other), and
 * respect the message's caps. Implemented once, by the message scan; one thread per message.
 */
public interface Inspection {
    ScanContext context();

    ScanReport report();

    ScanBudget budget();

    /** Adds a finding. */
    default void finding(String rule, double score, Category category, String detail) {
        report().add(rule, score, category, detail);
    }

    /** A URL found in {@code where}: recorded with {@link ScanReport#url} and given to the {@link UrlInspector}. */
    void url(String url, String where);

    /** A file found inside another one (PDF attachment, OLE package, OOXML embedding): analysed in full. */
    void file(byte[] content, String name, String where, int depth);

    /** Encoded image bytes found inside a file or a text (data: URI): hashed, decoded within caps, scanned for codes. */
    void imageBytes(byte[] content, String where);

    /** A password-protected container ({@code what}: "zip archive", "PDF"...) whose content cannot be scanned. */
    void encrypted(String where, String what);

    /**
     * An already decoded or rendered image (a PDF page, a PDF image): scanned for codes, thoroughly or
     * quickly (see {@link io.rampart.core.attachments.images.BarcodeScanner#scan}); returns how many were found.
     */
    int image(BufferedImage image, String where, boolean thorough);
}
