package io.rampart.core.attachments;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.archive.ArchiveFormat;
import io.rampart.core.attachments.archive.ArchiveMember;
import io.rampart.core.attachments.archive.ArchiveWalker;
import io.rampart.core.attachments.documents.MarkupInspector;
import io.rampart.core.attachments.documents.OfficeInspector;
import io.rampart.core.attachments.documents.PdfInspector;
import io.rampart.core.attachments.images.BarcodeScanner;
import io.rampart.core.attachments.images.TableCodes;
import io.rampart.core.attachments.images.TextCodes;
import io.rampart.core.attachments.images.CodePayload;
import io.rampart.core.attachments.images.ImageDecoder;
import io.rampart.core.attachments.images.LureWords;
import io.rampart.core.attachments.images.TesseractOcr;
import io.rampart.core.config.AttachmentSettings;
import io.rampart.core.message.Attachment;
import io.rampart.core.message.ParsedMessage;
import io.rampart.core.message.TextPart;
import io.rampart.core.signatures.TestSignatureAnalyzer;

/** The attachment analysis of one message (see {@link AttachmentAnalyzer}); one thread, one use. */
final class MessageScan implements Inspection {
    public static final double EXECUTABLE_SCORE = 6.0;
    public static final double DISGUISED_EXECUTABLE_SCORE = 8.0;
    public static final double DOUBLE_EXTENSION_SCORE = 8.0;
    public static final double BIDI_NAME_SCORE = 8.0;
    public static final double DISK_IMAGE_SCORE = 5.0;
    public static final double SHORTCUT_SCORE = 3.0;
    public static final double TYPE_MISMATCH_SCORE = 1.5;
    public static final double ENCRYPTED_SCORE = 2.5;
    public static final double ENCRYPTED_WITH_PASSWORD_SCORE = 6.0;
    public static final double CODE_URL_SCORE = 2.5;
    public static final double CODE_PAYMENT_SCORE = 3.0;
    public static final double IMAGE_LURE_SCORE = 2.0;
    public static final double OCR_LURE_SCORE = 2.5;
    /** A message with fewer visible characters than this, and a picture and a link, is an image-only lure. */
    public static final int IMAGE_LURE_MAX_TEXT = 150;
    static final int MAX_URLS = 500;
    private static final int MAX_TEXT_SCAN = 1_000_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageScan.class);

    private final AttachmentSettings settings;
    private final UrlInspector urlInspector;
    private final BarcodeScanner barcodeScanner;
    private final TesseractOcr ocr;
    private final ParsedMessage message;
    private final ScanContext context;
    private final ScanReport report;
    private final ScanBudget budget;
    private final Set<String> inspectedUrls = new HashSet<>();
    private final Set<String> flagged = new HashSet<>();
    private Optional<Optional<String>> passwordHint = Optional.empty();
    private int codeUrls;
    private int eicarFindings;
    private Optional<String> firstCodeUrl = Optional.empty();
    private BufferedImage largestImage;
    private String largestImageWhere;
    private long largestImagePixels;

    MessageScan(AttachmentSettings settings, UrlInspector urlInspector, BarcodeScanner barcodeScanner,
                TesseractOcr ocr, ParsedMessage message, ScanContext context, ScanReport report) {
        this.settings = settings;
        this.urlInspector = urlInspector;
        this.barcodeScanner = barcodeScanner;
        this.ocr = ocr;
        this.message = message;
        this.context = context;
        this.report = report;
        this.budget = new ScanBudget(settings, context, report);
    }

    @Override
    public ScanContext context() {
        return context;
    }

    @Override
    public ScanReport report() {
        return report;
    }

    @Override
    public ScanBudget budget() {
        return budget;
    }

    void run() {
        for (Attachment attachment : message.attachments()) {
            if (context.deadlineExceeded()) {
                budget.timedOut(attachment.describe());
                continue;
            }
            budget.startPart();
            report.hash(attachment.sha256());
            if (attachment.declaredType().equals("message/rfc822")) {
                continue; // Its parts are attachments of their own.
            }
            inspect(attachment.content(), attachment.fileName(), Optional.of(attachment.declaredType()),
                attachment.describe(), 0);
        }
        for (TextPart part : message.texts()) {
            if (part.html().isPresent() && part.html().get().contains("data:image")) {
                budget.startPart();
                MarkupInspector.dataImages(this, part.html().get(), "HTML part " + part.path());
            }
            if (part.html().isPresent() && TableCodes.mayHoldACode(part.html().get())) {
                budget.startPart();
                MarkupInspector.tableCodes(this, io.rampart.core.message.HtmlCache.document(part), "HTML part " + part.path());
            }
            if (TextCodes.mayHoldACode(part.text())) {
                budget.startPart();
                String lines = part.html().map(TextCodes::linesOfHtml).orElse(part.text());
                for (BufferedImage drawn : TextCodes.render(lines)) {
                    image(drawn, "block characters in " + (part.isHtml() ? "HTML" : "text") + " part " + part.path(), true);
                }
            }
        }
        imageOnlyLure();
    }

    // ---- files ----------------------------------------------------------------------------------------------

    @Override
    public void file(byte[] content, String name, String where, int depth) {
        inspect(content, Optional.of(name).filter(n -> !n.isBlank()), Optional.empty(), where, depth);
    }

    private void inspect(byte[] content, Optional<String> name, Optional<String> declaredType, String where,
                         int depth) {
        if (depth > 0) {
            report.hash(Attachment.sha256(content));
        }
        if (content.length == 0) {
            return;
        }
        if (budget.expired()) {
            budget.timedOut(where);
            return;
        }
        String magicType = FileTypes.detect(content, Optional.empty());
        name.ifPresent(n -> nameChecks(n, where, Optional.of(magicType)));
        Optional<String> executable = FileTypes.executableKind(content);
        if (executable.isPresent()) {
            String extension = name.map(FileTypes::extension).orElse("");
            if (!extension.isEmpty() && !FileTypes.EXECUTABLE_EXTENSIONS.contains(extension)) {
                flag("file.disguised-executable", DISGUISED_EXECUTABLE_SCORE, Category.MALWARE, where,
                    where + ": named ." + extension + " but is a " + executable.get());
            } else {
                flag("file.executable", EXECUTABLE_SCORE, Category.MALWARE, where, where + ": " + executable.get());
            }
        }
        FileTypes.diskImageKind(content).ifPresent(kind ->
            flag("file.disk-image", DISK_IMAGE_SCORE, Category.MALWARE, where, where + ": " + kind
                + " (used to carry executables past mark-of-the-web)"));
        if (!executable.isPresent()) {
            typeMismatch(content, name, declaredType, magicType, where);
        }
        int eicarBefore = eicarFindings;
        route(content, name, declaredType, magicType, where, depth);
        // The innermost file is named: a container is flagged only when nothing inside it was.
        if (depth > 0 && eicarFindings == eicarBefore && TestSignatureAnalyzer.isEicarFile(content)) {
            eicarFindings++;
            flag("malware.eicar", TestSignatureAnalyzer.EICAR_SCORE, Category.MALWARE, where,
                "EICAR test file in " + where);
        }
    }

    private void route(byte[] content, Optional<String> name, Optional<String> declaredType, String magicType,
                       String where, int depth) {
        String extension = name.map(FileTypes::extension).orElse("");
        String declared = declaredType.orElse("");
        Optional<ArchiveFormat> archive = ArchiveFormat.sniff(content);
        try {
            if (archive.isPresent() && archive.get() == ArchiveFormat.ZIP && OfficeInspector.isOoxml(content)) {
                new OfficeInspector(this, where, depth).ooxml(content, name.orElse("document"));
            } else if (archive.isPresent()) {
                archive(content, archive.get(), name.orElse("archive"), where, depth);
            } else if (FileTypes.isPdf(content)) {
                new PdfInspector(this, name.orElse("document.pdf"), where, depth).inspect(content);
            } else if (FileTypes.isOle(content)) {
                new OfficeInspector(this, where, depth).ole(content);
            } else if (FileTypes.isRtf(content)) {
                new OfficeInspector(this, where, depth).rtf(content);
            } else if (magicType.equals("image/svg+xml") || extension.equals("svg") || declared.equals("image/svg+xml")) {
                new MarkupInspector(this, where, depth).inspect(text(content), true);
            } else if (magicType.contains("html") || extension.matches("s?html?|xhtml|mht|mhtml")
                || declared.equals("text/html")) {
                new MarkupInspector(this, where, depth).inspect(text(content), false);
            } else if (magicType.startsWith("image/") || declared.startsWith("image/")) {
                imageBytes(content, where);
            } else if (magicType.startsWith("text/") || declared.startsWith("text/") || extension.equals("ics")) {
                OfficeInspector.textUrls(this, text(content), where);
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOGGER.warn("Rampart could not analyse {}", where, e);
            budget.incomplete("attachment.error", where, where + ": could not be analysed (" + e.getClass().getSimpleName()
                + ")");
        }
    }

    private static String text(byte[] content) {
        int length = Math.min(content.length, MAX_TEXT_SCAN);
        return new String(content, 0, length, StandardCharsets.UTF_8);
    }

    /** Checks a file name; {@code magicType} is the content's type when the content is known. */
    private void nameChecks(String name, String where, Optional<String> magicType) {
        String extension = FileTypes.extension(name);
        String inner = FileTypes.innerExtension(name);
        if (FileTypes.hasBidiControl(name)) {
            flag("file.bidi-name", BIDI_NAME_SCORE, Category.MALWARE, where, where
                + ": file name reverses its text direction to hide its real extension: " + FileTypes.visible(name));
        }
        if (FileTypes.EXECUTABLE_EXTENSIONS.contains(extension)) {
            if (FileTypes.DECOY_EXTENSIONS.contains(inner)) {
                flag("file.double-extension", DOUBLE_EXTENSION_SCORE, Category.MALWARE, where, where
                    + ": executable disguised by a double extension (." + inner + "." + extension + ")");
            } else {
                flag("file.executable", EXECUTABLE_SCORE, Category.MALWARE, where, where
                    + ": executable or script file (." + extension + ")");
            }
        }
        if (extension.equals("url")) {
            flag("file.internet-shortcut", SHORTCUT_SCORE, Category.MALWARE, where, where
                + ": Internet shortcut (.url) file, opens its target without a browser warning");
        }
        // A .vhd or .img that is text (VHDL sources, disk layouts) is not a disk image.
        boolean textContent = magicType.map(type -> type.startsWith("text/")).orElse(false);
        if (FileTypes.DISK_IMAGE_EXTENSIONS.contains(extension) && !textContent) {
            flag("file.disk-image", DISK_IMAGE_SCORE, Category.MALWARE, where, where + ": disk image (." + extension
                + ") (used to carry executables past mark-of-the-web)");
        }
    }

    private void typeMismatch(byte[] content, Optional<String> name, Optional<String> declaredType, String magicType,
                              String where) {
        String magicFamily = FileTypes.family(magicType);
        if (magicFamily.isEmpty()) {
            return;
        }
        if (name.isPresent()) {
            String nameType = FileTypes.typeOfName(name.get());
            String nameFamily = FileTypes.family(nameType);
            if (!nameFamily.isEmpty() && !nameFamily.equals(magicFamily)) {
                flag("file.type-mismatch", TYPE_MISMATCH_SCORE, Category.MALWARE, where, where + ": named as "
                    + nameType + " but the content is " + magicType);
                return;
            }
        }
        if (declaredType.isPresent()) {
            String declaredFamily = FileTypes.family(declaredType.get());
            if (!declaredFamily.isEmpty() && !declaredFamily.equals(magicFamily)) {
                flag("file.type-mismatch", TYPE_MISMATCH_SCORE, Category.MALWARE, where, where + ": declared as "
                    + declaredType.get() + " but the content is " + magicType);
            }
        }
    }

    private void archive(byte[] content, ArchiveFormat format, String name, String where, int depth) {
        if (depth >= settings.maxDepth()) {
            budget.incomplete("archive.max-depth", where, where + ": " + format.displayName()
                + " archive nested deeper than " + settings.maxDepth() + " levels; not opened");
            return;
        }
        new ArchiveWalker(budget).walk(content, format, name, where, new ArchiveWalker.Listener() {
            @Override
            public void member(ArchiveMember member) {
                String memberWhere = where + " > " + member.name();
                if (member.encrypted()) {
                    encrypted(where, format.displayName() + " archive");
                }
                if (member.content().isPresent()) {
                    String baseName = member.name().substring(
                        Math.max(member.name().lastIndexOf('/'), member.name().lastIndexOf('\\')) + 1);
                    inspect(member.content().get(), Optional.of(baseName).filter(n -> !n.isEmpty()),
                        Optional.empty(), memberWhere, depth + 1);
                } else {
                    nameChecks(member.name(), memberWhere, Optional.empty());
                }
            }

            @Override
            public void headersEncrypted() {
                encrypted(where, format.displayName() + " archive (even its file names)");
            }
        });
    }

    @Override
    public void encrypted(String where, String what) {
        if (!flagged.add("encrypted\u0000" + where)) {
            return;
        }
        boolean archive = what.contains("archive");
        Optional<String> hint = passwordHint();
        if (hint.isPresent()) {
            report.add(archive ? "archive.password-in-body" : "document.password-in-body", ENCRYPTED_WITH_PASSWORD_SCORE,
                Category.MALWARE, where + ": password-protected " + what + " whose password the message gives ("
                    + hint.get() + ")");
        } else {
            report.add(archive ? "archive.encrypted" : "document.encrypted", ENCRYPTED_SCORE, Category.MALWARE,
                where + ": password-protected " + what + " that no scanner can open");
        }
        budget.incomplete(archive ? "archive.encrypted-content" : "document.encrypted-content", where,
            where + ": encrypted content not scanned");
    }

    private Optional<String> passwordHint() {
        if (!passwordHint.isPresent()) {
            passwordHint = Optional.of(io.rampart.core.text.PasswordHints.find(message.allText()));
        }
        return passwordHint.get();
    }

    private void flag(String rule, double score, Category category, String subject, String detail) {
        if (flagged.add(rule + "\u0000" + subject)) {
            report.add(rule, score, category, detail);
        }
    }

    // ---- links ----------------------------------------------------------------------------------------------

    @Override
    public void url(String url, String where) {
        String trimmed = url.trim();
        if (trimmed.isEmpty() || trimmed.length() > 4_000) {
            return;
        }
        report.url(trimmed);
        if (inspectedUrls.size() >= MAX_URLS || !inspectedUrls.add(trimmed)) {
            return;
        }
        try {
            urlInspector.inspect(trimmed, where, context, report);
        } catch (RuntimeException e) {
            LOGGER.warn("Rampart URL inspection failed for a URL in {}", where, e);
            budget.incomplete("attachment.url-error", trimmed, where + ": a link could not be analysed (" + e + ")");
        }
    }

    // ---- images and codes -----------------------------------------------------------------------------------

    @Override
    public void imageBytes(byte[] content, String where) {
        report.hash(Attachment.sha256(content));
        if (content.length == 0) {
            return;
        }
        if (budget.expired()) {
            budget.timedOut(where);
            return;
        }
        ImageDecoder.Decoded decoded = ImageDecoder.decode(content, settings.maxPixels());
        if (decoded.refusal().isPresent()) {
            String rule = decoded.overPixelCap() ? "image.max-pixels" : "image.unreadable";
            budget.incomplete(rule, where, where + ": image not scanned for codes, " + decoded.refusal().get());
            return;
        }
        for (int index = 0; index < decoded.frames().size(); index++) {
            BufferedImage frame = decoded.frames().get(index);
            if (index == 0) {
                long pixels = (long) frame.getWidth() * frame.getHeight();
                if (pixels > largestImagePixels) {
                    largestImagePixels = pixels;
                    largestImage = frame;
                    largestImageWhere = where;
                }
            }
            image(frame, decoded.frames().size() > 1 ? "frame " + (index + 1) + " of " + where : where, true);
        }
    }

    @Override
    public int image(BufferedImage image, String where, boolean thorough) {
        if (image.getWidth() < 21 || image.getHeight() < 21) {
            return 0;
        }
        if (budget.expired()) {
            budget.timedOut(where);
            return 0;
        }
        List<BarcodeScanner.Code> codes = barcodeScanner.scan(image, budget::expired, thorough);
        for (BarcodeScanner.Code code : codes) {
            code(code, where);
        }
        return codes.size();
    }

    private void code(BarcodeScanner.Code code, String where) {
        String origin = code.kind() + " in " + where;
        if (!flagged.add("code\u0000" + code.text())) {
            return;
        }
        CodePayload payload = CodePayload.classify(code.text());
        switch (payload.kind()) {
            case URL:
                String url = payload.url().orElse(code.text());
                if (KnownHosts.isBenign(url, context)) {
                    report.add("qr.url-benign", 0, Category.INFO, origin + " decodes to " + url
                        + " (own or well-known site)");
                } else {
                    report.add("qr.url", CODE_URL_SCORE, Category.PHISH, origin + " decodes to " + url);
                    codeUrls++;
                    if (!firstCodeUrl.isPresent()) {
                        firstCodeUrl = Optional.of(url);
                    }
                }
                url(url, origin);
                break;
            case PAYMENT:
                report.add("qr.payment", CODE_PAYMENT_SCORE, Category.PHISH, origin + " encodes a "
                    + payload.description() + ": " + abbreviate(code.text()));
                break;
            default:
                report.add(payload.kind() == CodePayload.Kind.CONTACT ? "qr.contact" : "qr.text", 0, Category.INFO,
                    origin + " encodes a " + payload.description() + ": " + abbreviate(code.text()));
                payload.url().ifPresent(inner -> url(inner, origin));
                break;
        }
    }

    private static String abbreviate(String text) {
        String compact = text.replaceAll("\\s+", " ").trim();
        return compact.length() > 120 ? compact.substring(0, 120) + "..." : compact;
    }

    // ---- image-only lures -----------------------------------------------------------------------------------

    private void imageOnlyLure() {
        int textChars = 0;
        for (TextPart part : message.texts()) {
            String text = part.text();
            for (int i = 0; i < text.length() && textChars < IMAGE_LURE_MAX_TEXT; i++) {
                char c = text.charAt(i);
                // What \s matches (the count the finding reports).
                if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                    textChars++;
                }
            }
        }
        if (textChars >= IMAGE_LURE_MAX_TEXT) {
            return; // a message with this much text is not "mostly a picture": no need to look at its markup
        }
        int images = 0;
        Optional<String> link = Optional.empty();
        for (TextPart part : message.texts()) {
            if (part.html().isPresent()) {
                Document document = io.rampart.core.message.HtmlCache.document(part);
                for (Element img : document.select("img[src]")) {
                    if (!isTracker(img)) {
                        images++;
                    }
                }
                if (!link.isPresent()) {
                    link = document.select("a[href]").eachAttr("href").stream()
                        .filter(href -> href.regionMatches(true, 0, "http", 0, 4))
                        .filter(href -> !KnownHosts.isBenign(href, context)).findFirst();
                }
            }
        }
        long inlineImages = message.attachments().stream()
            .filter(a -> a.declaredType().startsWith("image/") || a.fileName().map(FileTypes::extension)
                .map(e -> e.matches("png|jpe?g|gif|bmp|webp")).orElse(false))
            .count();
        images = (int) Math.max(images, inlineImages);
        if (!link.isPresent()) {
            link = firstCodeUrl;
        }
        boolean littleText = textChars < IMAGE_LURE_MAX_TEXT;
        if (littleText && images > 0 && link.isPresent()) {
            report.add("image.lure", IMAGE_LURE_SCORE, Category.PHISH, "message is mostly a picture ("
                + textChars + " characters of text, " + images + " image(s)) with a link to " + link.get());
        }
        if (littleText && largestImage != null) {
            report.deferUnlessDecided("ocr", this::ocrLure);
        }
    }

    private static boolean isTracker(Element img) {
        return img.attr("width").matches("[01]") || img.attr("height").matches("[01]");
    }

    private void ocrLure() {
        if (!settings.ocrEnabled() || !TesseractOcr.available() || context.deadlineExceeded()) {
            return;
        }
        long remainingNanos = context.deadlineNanos() - System.nanoTime();
        Duration timeout = settings.ocrTimeout().compareTo(Duration.ofNanos(remainingNanos)) < 0
            ? settings.ocrTimeout() : Duration.ofNanos(Math.max(0, remainingNanos));
        Optional<String> text = ocr.read(largestImage, timeout);
        if (!text.isPresent()) {
            return;
        }
        List<String> words = LureWords.found(text.get());
        if (words.size() >= 2) {
            report.add("image.ocr-lure", OCR_LURE_SCORE, Category.PHISH, "text in the picture " + largestImageWhere
                + " reads like a lure: " + String.join(", ", words.subList(0, Math.min(6, words.size())))
                    .toLowerCase(Locale.ROOT));
        }
        OfficeInspector.textUrls(this, text.get(), "text read from the picture " + largestImageWhere);
    }
}
