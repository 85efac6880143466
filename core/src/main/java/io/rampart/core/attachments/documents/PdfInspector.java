package io.rampart.core.attachments.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.common.io.ByteStreams;

import io.rampart.core.analysis.Category;
import io.rampart.core.attachments.Inspection;

/**
 * Looks inside a PDF with PDFBox: every action reachable from the catalog, the pages and their
 * annotations (links ({@code /URI}), JavaScript, {@code /Launch}, form submission, remote go-to),
 * embedded files (analysed as files), forms, and barcodes: images placed on the first pages and the
 * pages rendered at a modest resolution. Pages over {@code attachments.maxPdfPages} are not read.
 */
public final class PdfInspector {
    public static final double JAVASCRIPT_SCORE = 3.0;
    public static final double LAUNCH_SCORE = 6.0;
    public static final double EMBEDDED_FILE_SCORE = 1.0;
    public static final double FORM_SUBMIT_SCORE = 1.5;
    public static final float RENDER_DPI = 120f;
    /** Pages, and characters of them, whose text is kept for the text analyzers. */
    static final int TEXT_PAGES = 2;
    static final int TEXT_CHARS = 10_000;
    private static final long MAX_PDF_MEMORY = 256L * 1024 * 1024;
    private static final int MAX_ACTION_CHAIN = 50;
    private static final int MAX_IMAGES_PER_PAGE = 8;
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName URI = COSName.getPDFName("URI");
    private static final COSName NEXT = COSName.getPDFName("Next");
    private static final COSName WIN = COSName.getPDFName("Win");
    private static final COSName OPEN_ACTION = COSName.getPDFName("OpenAction");

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads PDFBox's font mapping (it scans the system fonts, and builds its font cache on the first
     * run: seconds) on a background daemon thread, so that the first PDF rendered during a scan does
     * not spend its time budget there. Idempotent.
     */
    public static void warmUp() {
        if (WARMED_UP.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    org.apache.pdfbox.pdmodel.font.FontMappers.instance()
                        .getFontBoxFont("Helvetica", null);
                } catch (RuntimeException | LinkageError e) {
                    org.slf4j.LoggerFactory.getLogger(PdfInspector.class).debug("PDF font warm-up failed", e);
                }
            }, "rampart-pdf-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private final Inspection inspection;
    private final String where;
    private final String name;
    private final int depth;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean javascript;
    private boolean launch;

    public PdfInspector(Inspection inspection, String name, String where, int depth) {
        this.inspection = inspection;
        this.name = name;
        this.where = where;
        this.depth = depth;
    }

    public void inspect(byte[] content) {
        try (PDDocument document = PDDocument.load(content, "", null, null,
            MemoryUsageSetting.setupMainMemoryOnly(MAX_PDF_MEMORY))) {
            inspect(document);
        } catch (InvalidPasswordException e) {
            inspection.encrypted(where, "PDF");
        } catch (IOException | RuntimeException e) {
            inspection.budget().incomplete("pdf.unreadable", where, where + ": PDF could not be parsed ("
                + e.getClass().getSimpleName() + ")");
        } catch (OutOfMemoryError | StackOverflowError e) {
            inspection.budget().incomplete("pdf.unreadable", where, where + ": PDF too complex to parse");
        }
    }

    private void inspect(PDDocument document) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        COSDictionary root = catalog.getCOSObject();
        actionOf(root.getDictionaryObject(OPEN_ACTION), "document open action");
        additionalActions(root.getDictionaryObject(COSName.AA), "document actions");
        PDDocumentNameDictionary names = catalog.getNames();
        if (names != null) {
            if (names.getJavaScript() != null && !javascript) {
                javascript = true;
                inspection.finding("pdf.javascript", JAVASCRIPT_SCORE, Category.MALWARE,
                    where + ": PDF carries document-level JavaScript");
            }
            PDEmbeddedFilesNameTreeNode files = names.getEmbeddedFiles();
            if (files != null) {
                embeddedFiles(files, 0);
            }
        }
        PDAcroForm form = catalog.getAcroForm();
        if (form != null && (!form.getFields().isEmpty() || form.hasXFA())) {
            inspection.finding("pdf.form", 0, Category.INFO, where + ": PDF contains a fillable form"
                + (form.hasXFA() ? " (XFA)" : ""));
        }
        int pages = document.getNumberOfPages();
        int maxPages = inspection.budget().settings().maxPdfPages();
        int readPages = Math.min(pages, maxPages);
        for (int index = 0; index < readPages; index++) {
            if (inspection.budget().expired()) {
                inspection.budget().timedOut(where);
                return;
            }
            PDPage page = document.getPage(index);
            String pageWhere = "page " + (index + 1) + " of " + where;
            additionalActions(page.getCOSObject().getDictionaryObject(COSName.AA), pageWhere);
            COSBase annotations = page.getCOSObject().getDictionaryObject(COSName.ANNOTS);
            if (annotations instanceof COSArray) {
                for (COSBase item : (COSArray) annotations) {
                    COSBase annotation = item == null ? null : dereference(item);
                    if (annotation instanceof COSDictionary) {
                        annotation((COSDictionary) annotation, pageWhere);
                    }
                }
            }
        }
        if (pages > maxPages) {
            inspection.budget().incomplete("pdf.max-pages", where, where + ": PDF has " + pages
                + " pages; only the first " + maxPages + " were scanned");
        }
        text(document, Math.min(readPages, TEXT_PAGES));
        barcodes(document, Math.min(readPages, inspection.budget().settings().maxPdfRenderedPages()));
    }

    /**
     * The text of the first pages, kept in the report for the analyzers that read what a mail tells the
     * reader to do (an attached "invoice" with a number to call about a charge: callback phishing sends
     * its lure as a PDF so that the mail itself says nothing). A PDF whose text cannot be read is no
     * finding: the rest of the inspection stands.
     */
    private void text(PDDocument document, int pages) {
        if (pages <= 0 || inspection.budget().expired()) {
            return;
        }
        try {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String text = stripper.getText(document);
            inspection.report().documentText(where, text.length() > TEXT_CHARS ? text.substring(0, TEXT_CHARS) : text);
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PdfInspector.class).debug("no text read from {}", where, e);
        }
    }

    private void annotation(COSDictionary annotation, String pageWhere) {
        actionOf(annotation.getDictionaryObject(COSName.A), pageWhere);
        additionalActions(annotation.getDictionaryObject(COSName.AA), pageWhere);
        if (COSName.getPDFName("FileAttachment").equals(annotation.getCOSName(COSName.SUBTYPE))) {
            COSBase spec = annotation.getDictionaryObject(COSName.getPDFName("FS"));
            if (spec instanceof COSDictionary) {
                embeddedFile(new PDComplexFileSpecification((COSDictionary) spec));
            }
        }
    }

    private void additionalActions(COSBase actions, String at) {
        if (actions instanceof COSDictionary) {
            for (COSBase value : ((COSDictionary) actions).getValues()) {
                actionOf(dereference(value), at);
            }
        }
    }

    private void actionOf(COSBase base, String at) {
        COSBase current = base;
        for (int chain = 0; chain < MAX_ACTION_CHAIN && current != null; chain++) {
            if (current instanceof COSArray) {
                for (COSBase item : (COSArray) current) {
                    actionOf(dereference(item), at);
                }
                return;
            }
            if (!(current instanceof COSDictionary) || !seen.add(current)) {
                return;
            }
            COSDictionary action = (COSDictionary) current;
            String type = action.getNameAsString(COSName.S);
            if (type != null) {
                action(action, type, at);
            }
            current = dereference(action.getDictionaryObject(NEXT));
        }
    }

    private void action(COSDictionary action, String type, String at) {
        switch (type) {
            case "URI":
                String uri = string(action.getDictionaryObject(URI));
                if (uri != null && !uri.isBlank()) {
                    inspection.url(uri.trim(), "link on " + at);
                }
                break;
            case "JavaScript":
                if (!javascript) {
                    javascript = true;
                    inspection.finding("pdf.javascript", JAVASCRIPT_SCORE, Category.MALWARE,
                        at + ": PDF runs JavaScript" + script(action.getDictionaryObject(JS)));
                }
                break;
            case "Launch":
                if (!launch) {
                    launch = true;
                    inspection.finding("pdf.launch", LAUNCH_SCORE, Category.MALWARE,
                        at + ": PDF /Launch action starts a program or file " + launchTarget(action));
                }
                break;
            case "SubmitForm":
            case "ImportData":
            case "GoToR":
            case "GoToE":
                String target = fileTarget(action.getDictionaryObject(COSName.F));
                if (target != null && target.matches("(?i)^(https?|ftp)://.*")) {
                    inspection.url(target, type + " action on " + at);
                    if (type.equals("SubmitForm")) {
                        inspection.finding("pdf.form-submit", FORM_SUBMIT_SCORE, Category.PHISH,
                            at + ": PDF form sends what is typed to " + target);
                    }
                }
                break;
            default:
                break;
        }
    }

    private static String script(COSBase js) {
        String text = null;
        if (js instanceof COSString) {
            text = ((COSString) js).getString();
        } else if (js instanceof COSStream) {
            try (InputStream in = ((COSStream) js).createInputStream()) {
                text = new String(ByteStreams.toByteArray(ByteStreams.limit(in, 200)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                text = null;
            }
        }
        if (text == null || text.isBlank()) {
            return "";
        }
        String compact = text.replaceAll("\\s+", " ").trim();
        return ": " + (compact.length() > 80 ? compact.substring(0, 80) + "..." : compact);
    }

    private static String launchTarget(COSDictionary action) {
        String target = fileTarget(action.getDictionaryObject(COSName.F));
        if (target == null) {
            COSBase win = action.getDictionaryObject(WIN);
            if (win instanceof COSDictionary) {
                target = fileTarget(((COSDictionary) win).getDictionaryObject(COSName.F));
            }
        }
        return target == null ? "" : "'" + target + "'";
    }

    private static String fileTarget(COSBase file) {
        if (file instanceof COSString) {
            return ((COSString) file).getString();
        }
        if (file instanceof COSDictionary) {
            COSDictionary spec = (COSDictionary) file;
            String target = string(spec.getDictionaryObject(COSName.UF));
            return target != null ? target : string(spec.getDictionaryObject(COSName.F));
        }
        return null;
    }

    private static String string(COSBase base) {
        return base instanceof COSString ? ((COSString) base).getString() : null;
    }

    private static COSBase dereference(COSBase base) {
        if (base instanceof org.apache.pdfbox.cos.COSObject) {
            return ((org.apache.pdfbox.cos.COSObject) base).getObject();
        }
        return base;
    }

    private void embeddedFiles(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node,
                               int level) throws IOException {
        if (level > 10) {
            return;
        }
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (PDComplexFileSpecification spec : files.values()) {
                embeddedFile(spec);
            }
        }
        List<org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
        if (kids != null) {
            for (org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
                embeddedFiles(kid, level + 1);
            }
        }
    }

    private void embeddedFile(PDComplexFileSpecification spec) {
        if (spec == null || !seen.add(spec.getCOSObject())) {
            return;
        }
        String fileName = spec.getFilename() != null ? spec.getFilename() : "embedded";
        if (spec.getFileUnicode() != null) {
            fileName = spec.getFileUnicode();
        }
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode()
            : spec.getEmbeddedFile();
        String fileWhere = where + " > " + fileName;
        inspection.finding("pdf.embedded-file", EMBEDDED_FILE_SCORE, Category.MALWARE,
            where + ": PDF carries an embedded file '" + fileName + "'");
        if (file == null) {
            return;
        }
        long limit = inspection.budget().remainingBytes();
        try (InputStream in = file.createInputStream()) {
            byte[] bytes = ByteStreams.toByteArray(ByteStreams.limit(in, limit + 1));
            if (bytes.length > limit) {
                inspection.budget().incomplete("archive.max-bytes", fileWhere, fileWhere
                    + ": embedded file over the unpacked-bytes cap; not scanned");
                return;
            }
            inspection.budget().consumeBytes(bytes.length);
            inspection.file(bytes, fileName, fileWhere, depth + 1);
        } catch (IOException | RuntimeException e) {
            inspection.budget().incomplete("pdf.unreadable", fileWhere, fileWhere + ": embedded file could not be read");
        }
    }

    private void barcodes(PDDocument document, int pages) {
        if (pages <= 0) {
            return;
        }
        PDFRenderer renderer = null;
        for (int index = 0; index < pages; index++) {
            if (inspection.budget().expired()) {
                inspection.budget().timedOut(where);
                return;
            }
            String pageWhere = "page " + (index + 1) + " of " + where;
            PDPage page = document.getPage(index);
            // Rendering is the costliest thing Rampart does to a PDF, and only a page that draws shapes (or
            // carries inline images) can show a code that its placed images do not: the others have their
            // images scanned thoroughly instead.
            boolean draws = drawsShapes(page);
            int found = 0;
            try {
                found = pageImages(page.getResources(), pageWhere, !draws);
            } catch (IOException | RuntimeException e) {
                found = 0;
            }
            if (inspection.budget().expired()) {
                inspection.budget().timedOut(where);
                return;
            }
            if (found > 0 || !draws) {
                continue;
            }
            try {
                if (renderer == null) {
                    renderer = new PDFRenderer(document);
                }
                BufferedImage rendered = renderer.renderImageWithDPI(index, RENDER_DPI, ImageType.GRAY);
                inspection.image(rendered, pageWhere, true);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                inspection.budget().incomplete("pdf.render", pageWhere, pageWhere + ": page could not be rendered ("
                    + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Path-construction operators that draw the modules of a vector code (rectangles, moves, lines). */
    private static final Set<String> SHAPE_OPERATORS = com.google.common.collect.ImmutableSet.of("re", "m", "l");
    /** A 21x21 QR code has well over a hundred dark modules; a 1-D code dozens of bars. */
    static final int SHAPES_WORTH_RENDERING = 40;
    private static final int MAX_TOKENS_READ = 500_000;

    /**
     * Whether the page (or a form it places) draws enough shapes, or an inline image, to hold a code
     * that only rendering would find. A page whose content cannot be read counts as drawing: rendering
     * is then the only way to look at it.
     */
    static boolean drawsShapes(PDPage page) {
        int[] counts = {0, 0};
        try {
            return drawsShapes(page, page.getResources(), counts, 0);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean drawsShapes(org.apache.pdfbox.contentstream.PDContentStream stream, PDResources resources,
                                       int[] counts, int level) throws IOException {
        org.apache.pdfbox.pdfparser.PDFStreamParser parser = new org.apache.pdfbox.pdfparser.PDFStreamParser(stream);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (++counts[1] > MAX_TOKENS_READ) {
                return true;
            }
            if (token instanceof org.apache.pdfbox.contentstream.operator.Operator) {
                String operator = ((org.apache.pdfbox.contentstream.operator.Operator) token).getName();
                if (operator.equals("BI") || SHAPE_OPERATORS.contains(operator) && ++counts[0] >= SHAPES_WORTH_RENDERING) {
                    return true;
                }
            }
        }
        if (resources == null || level >= 2) {
            return false;
        }
        for (COSName xobjectName : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(xobjectName);
            if (xobject instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) {
                org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form =
                    (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) xobject;
                if (drawsShapes(form, form.getResources(), counts, level + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Scans the images placed on a page (and in its form XObjects), the most square first: that is the
     * shape of a 2-D code, and it puts the likely carriers ahead when time is short.
     */
    private int pageImages(PDResources resources, String pageWhere, boolean thorough) throws IOException {
        List<Map.Entry<String, PDImageXObject>> candidates = new java.util.ArrayList<>();
        collectImages(resources, candidates, 0);
        candidates.sort(java.util.Comparator.comparingDouble(entry -> aspect(entry.getValue())));
        int found = 0;
        int scanned = 0;
        for (Map.Entry<String, PDImageXObject> candidate : candidates) {
            if (inspection.budget().expired() || scanned++ >= MAX_IMAGES_PER_PAGE) {
                break;
            }
            // The same image object placed again (a letterhead on every page) holds the same codes: it is
            // read once, or again only when this page wants the thorough look it did not get before.
            org.apache.pdfbox.cos.COSBase key = candidate.getValue().getCOSObject();
            int[] before = scannedImages.get(key);
            if (before != null && (before[0] == 1 || !thorough)) {
                found += before[1];
                continue;
            }
            int codes = inspection.image(decode(candidate.getValue()), "image " + candidate.getKey() + " on " + pageWhere,
                thorough);
            scannedImages.put(key, new int[] {thorough ? 1 : 0, codes});
            found += codes;
        }
        return found;
    }

    /** Image objects already looked at in this document: {thorough (1/0), codes found}. */
    private final Map<org.apache.pdfbox.cos.COSBase, int[]> scannedImages = new java.util.IdentityHashMap<>();

    /** Placed images are decoded at most this large: a code on a page scan stays readable, and a 300 dpi page is not converted pixel by pixel. */
    static final int MAX_DECODED_SIDE = 1600;

    /**
     * Decodes a placed image, subsampled while decoding when it is over {@link #MAX_DECODED_SIDE}: plain JPEGs
     * and plain lossless images as gray straight from their data, anything else by PDFBox.
     */
    private static BufferedImage decode(PDImageXObject image) throws IOException {
        int longer = Math.max(image.getWidth(), image.getHeight());
        int subsampling = Math.max(1, (longer + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
        boolean plain = plainJpeg(image);
        java.util.Optional<BufferedImage> luminance = plain
            ? io.rampart.core.attachments.images.ImageDecoder.jpegLuminance(readRaw(image), subsampling)
            : java.util.Optional.empty();
        if (!luminance.isPresent()) {
            luminance = PdfImageSamples.luminance(image, subsampling);
        }
        if (luminance.isPresent()) {
            return luminance.get();
        }
        return subsampling == 1 ? image.getImage() : image.getImage(null, subsampling);
    }

    /**
     * A placed JPEG that means what its bytes say: DCTDecode as its only filter, one or three colour
     * components, no decode array and no mask. Such an image is read as luminance straight from its
     * stream, as JPEG attachments are; PDFBox's own path converts every pixel to RGB first. Anything
     * else goes through PDFBox.
     */
    private static boolean plainJpeg(PDImageXObject image) {
        try {
            java.util.List<COSName> filters = image.getStream().getFilters();
            return filters.size() == 1 && COSName.DCT_DECODE.equals(filters.get(0))
                && PdfImageSamples.drawnAsStored(image)
                && image.getColorSpace().getNumberOfComponents() != 4;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] readRaw(PDImageXObject image) throws IOException {
        try (java.io.InputStream raw = image.getCOSObject().createRawInputStream()) {
            return raw.readAllBytes();
        }
    }

    private static double aspect(PDImageXObject image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        int shorter = Math.max(1, Math.min(image.getWidth(), image.getHeight()));
        return (double) longer / shorter;
    }

    private void collectImages(PDResources resources, List<Map.Entry<String, PDImageXObject>> candidates, int level)
        throws IOException {
        if (resources == null || level > 2 || candidates.size() > 100) {
            return;
        }
        for (COSName xobjectName : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(xobjectName);
            if (xobject instanceof PDImageXObject) {
                PDImageXObject image = (PDImageXObject) xobject;
                long pixels = (long) image.getWidth() * image.getHeight();
                // Strips (rules, banners, 1-D barcodes) cannot hold a 2-D code; rendering still sees the page.
                if (Math.min(image.getWidth(), image.getHeight()) >= 40 && aspect(image) <= 4
                    && pixels <= inspection.budget().settings().maxPixels()) {
                    candidates.add(new java.util.AbstractMap.SimpleImmutableEntry<>(xobjectName.getName(), image));
                }
            } else if (xobject instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) {
                collectImages(((org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) xobject).getResources(),
                    candidates, level + 1);
            }
        }
    }
}
