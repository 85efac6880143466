package io.rampart.core.attachments;

import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;

/**
 * The seam between attachment analysis and link analysis. Every URL found inside a file, an
 * archive member, a document or a decoded barcode is first recorded with {@link ScanReport#url}
 * by the attachment analysis, then handed to {@link #inspect} once per message (duplicates are
 * dropped before the call), which adds the findings it sees fit.
 *
 * <p>{@link BasicUrlInspector} is the built-in implementation (IP-literal hosts, credential-looking
 * paths, plain http). The link analyzer replaces it by passing its own implementation to
 * {@link AttachmentAnalyzer#AttachmentAnalyzer(io.rampart.core.config.AttachmentSettings, UrlInspector)}
 * in {@code engine/Analyzers}, so that a link in a PDF or a QR code is judged exactly like a link in
 * the body. Implementations must be thread-safe, must not block on the network beyond the scan
 * deadline ({@link ScanContext#deadlineExceeded()}) and must name {@code where} in their findings.
 */
@FunctionalInterface
public interface UrlInspector {
    /**
     * @param url   the URL as found (trimmed; not necessarily well formed)
     * @param where a human-readable origin, e.g. {@code QR code in 'invoice.png' (part 1.2)}
     */
    void inspect(String url, String where, ScanContext context, ScanReport report);
}
