package io.rampart.core.attachments;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.documents.PdfInspector;
import io.rampart.core.attachments.images.BarcodeScanner;
import io.rampart.core.attachments.images.TesseractOcr;
import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.message.ParsedMessage;

/**
 * Attachment, document, image and barcode analysis. For every non-text part, every archive member
 * and every file embedded in a document: the true type from the bytes against the name and the
 * declared type, executables, scripts and disk images however they are wrapped, archives (zip, 7z,
 * tar, gzip, bzip2 opened; RAR listed), PDF and Office active content, HTML/SVG phishing pages,
 * barcodes in images, PDF pages and {@code data:} URIs, and pictures that stand in for text. Every
 * URL found is recorded and handed to the {@link UrlInspector}; every file is hashed.
 *
 * <p>Bounded by {@link AttachmentSettings}: whatever is not looked at because of a cap or the
 * deadline becomes a "not fully scanned" finding naming the part.
 */
public final class AttachmentAnalyzer implements Analyzer {
    private final AttachmentSettings settings;
    private final UrlInspector urlInspector;
    private final BarcodeScanner barcodeScanner = new BarcodeScanner();
    private final TesseractOcr ocr = new TesseractOcr();

    /** With the built-in {@link BasicUrlInspector}. */
    public AttachmentAnalyzer(AttachmentSettings settings) {
        this(settings, new BasicUrlInspector());
    }

    /** With the link analysis of the gateway: the seam described in {@link UrlInspector}. */
    public AttachmentAnalyzer(AttachmentSettings settings, UrlInspector urlInspector) {
        this.settings = settings;
        this.urlInspector = urlInspector;
        PdfInspector.warmUp();
    }

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        new MessageScan(settings, urlInspector, barcodeScanner, ocr, message, context, report).run();
    }
}
