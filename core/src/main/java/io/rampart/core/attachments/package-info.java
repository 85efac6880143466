/**
 * Attachment, document, image and barcode analysis ({@link io.rampart.core.attachments.AttachmentAnalyzer}).
 *
 * <ul>
 *   <li>{@code AttachmentAnalyzer} / {@code MessageScan}: per message, every non-text part is typed
 *   ({@link io.rampart.core.attachments.FileTypes}), checked by name and content, then routed to an
 *   archive walker ({@code archive}), a document inspector ({@code documents}) or the image and
 *   barcode readers ({@code images}); files found inside are analysed the same way, bounded by
 *   {@link io.rampart.core.config.AttachmentSettings} through {@link io.rampart.core.attachments.ScanBudget}.</li>
 *   <li>{@link io.rampart.core.attachments.UrlInspector}: the seam to link analysis. Every URL found in a
 *   file, a document or a barcode is recorded with {@code ScanReport.url} and passed to it once per
 *   message; {@link io.rampart.core.attachments.BasicUrlInspector} is the stand-in until the link
 *   analyzer is plugged in {@code engine/Analyzers}.</li>
 *   <li>Rules: {@code file.*} (types, names, executables, disk images), {@code archive.*},
 *   {@code document.*} and {@code pdf.*}, {@code office.*}, {@code rtf.*}, {@code html.*} and
 *   {@code svg.*}, {@code qr.*} (barcodes), {@code image.*} (image-only lures, OCR, caps),
 *   {@code malware.eicar}, {@code attachment.*} (time-outs, errors). Caps and time-outs are
 *   "not fully scanned" findings naming the part.</li>
 * </ul>
 */
package io.rampart.core.attachments;
