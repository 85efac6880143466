package io.rampart.core.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

import com.google.zxing.common.BitMatrix;

/** Archives and documents built by the tests. */
public final class Documents {
    /** A minimal Windows PE: MZ header pointing at a PE signature. */
    public static final byte[] PE = pe();

    private Documents() {
    }

    private static byte[] pe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3C] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zip(String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(name, content);
        return zip(entries);
    }

    /** A zip whose members claim traditional PKWARE encryption (general purpose bit 0). */
    public static byte[] encryptedZip(String name, byte[] content) {
        byte[] zip = zip(name, content);
        for (int i = 0; i + 8 < zip.length; i++) {
            boolean local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            boolean central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            if (local) {
                zip[i + 6] |= 1;
            } else if (central) {
                zip[i + 8] |= 1;
            }
        }
        return zip;
    }

    public static byte[] sevenZ(String name, byte[] content) {
        try {
            SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
            try (SevenZOutputFile out = new SevenZOutputFile(channel)) {
                SevenZArchiveEntry entry = out.createArchiveEntry(new java.io.File(name), name);
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
            byte[] all = channel.array();
            return java.util.Arrays.copyOf(all, (int) channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] tarGz(String name, byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A RAR 4 archive listing one stored member (headers only matter to the lister). */
    public static byte[] rar4(String name, byte[] content, boolean encrypted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00});
        out.writeBytes(new byte[] {0, 0, 0x73, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0});
        byte[] nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
        int flags = 0x8000 | (encrypted ? 0x04 : 0);
        int headSize = 32 + nameBytes.length;
        out.writeBytes(new byte[] {0, 0, 0x74, (byte) flags, (byte) (flags >> 8), (byte) headSize, (byte) (headSize >> 8)});
        out.writeBytes(le32(content.length));
        out.writeBytes(le32(content.length));
        out.write(2);
        out.writeBytes(le32(0));
        out.writeBytes(le32(0));
        out.write(29);
        out.write(0x30);
        out.writeBytes(new byte[] {(byte) nameBytes.length, (byte) (nameBytes.length >> 8)});
        out.writeBytes(le32(0x20));
        out.writeBytes(nameBytes);
        out.writeBytes(content);
        out.writeBytes(new byte[] {0, 0, 0x7B, 0, 0x40, 7, 0});
        return out.toByteArray();
    }

    /** A RAR 5 archive listing one member. */
    public static byte[] rar5(String name, byte[] content, boolean encrypted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00});
        block(out, new byte[] {1, 0, 0});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] extra = encrypted ? new byte[] {2, 1, 0} : new byte[0];
        header.write(2);
        header.write(0x02 | (encrypted ? 0x01 : 0));
        if (encrypted) {
            header.write(extra.length);
        }
        header.write(content.length);
        header.write(0);
        header.write(content.length);
        header.write(0x20);
        header.write(0);
        header.write(0);
        header.write(nameBytes.length);
        header.writeBytes(nameBytes);
        header.writeBytes(extra);
        block(out, header.toByteArray());
        out.writeBytes(content);
        block(out, new byte[] {5, 0, 0});
        return out.toByteArray();
    }

    private static void block(ByteArrayOutputStream out, byte[] header) {
        out.writeBytes(le32(0));
        out.write(header.length);
        out.writeBytes(header);
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    /** A .docx-like OOXML zip with the given extra parts. */
    public static byte[] ooxml(Map<String, String> parts, Map<String, byte[]> binaries) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", "<w:document><w:body><w:p/></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        parts.forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
        entries.putAll(binaries);
        return zip(entries);
    }

    /** An OLE2 compound file stand-in: the signature and the UTF-16LE directory names that matter. */
    public static byte[] ole(String... storageNames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        out.writeBytes(new byte[504]);
        for (String name : storageNames) {
            byte[] entry = new byte[128];
            byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(utf16, 0, entry, 0, Math.min(utf16.length, 64));
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    public interface PdfCustomizer {
        void customize(PDDocument document) throws IOException;
    }

    public static byte[] pdf(int pages, PdfCustomizer customizer) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            customizer.customize(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF writing {@code lines} of plain ASCII text. */
    public static byte[] pdfWithText(String... lines) {
        return pdf(1, document -> {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.beginText();
                content.setFont(org.apache.pdfbox.pdmodel.font.PDType1Font.HELVETICA, 11);
                content.setLeading(14);
                content.newLineAtOffset(50, 780);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
        });
    }

    /** A one-page PDF showing {@code image} (as an embedded image XObject). */
    public static byte[] pdfWithImage(BufferedImage image) {
        return pdf(1, document -> {
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.drawImage(xobject, 72, 400, 144, 144);
            }
        });
    }

    /** A PDF of {@code pages} pages showing the same JPEG (DCTDecode) image object on each. */
    public static byte[] pdfWithJpegOnEveryPage(BufferedImage image, int pages) {
        return pdf(pages, document -> {
            PDImageXObject xobject = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(document, image, 0.95f);
            for (int page = 0; page < pages; page++) {
                try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(page))) {
                    content.drawImage(xobject, 72, 400, 144, 144);
                }
            }
        });
    }

    /** A one-page PDF with a QR code drawn as vector rectangles (only rendering finds it). */
    public static byte[] pdfWithDrawnCode(BitMatrix matrix) {
        return pdf(1, document -> {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                float module = 3f;
                for (int y = 0; y < matrix.getHeight(); y++) {
                    for (int x = 0; x < matrix.getWidth(); x++) {
                        if (matrix.get(x, y)) {
                            content.addRect(300 + x * module, 500 - y * module, module, module);
                        }
                    }
                }
                content.fill();
            }
        });
    }

    public static byte[] pdfWithActions(String uri, String javascript, String launchTarget) {
        return pdf(1, document -> {
            PDPage page = document.getPage(0);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 50, 200, 40));
            PDActionURI action = new PDActionURI();
            action.setURI(uri);
            link.setAction(action);
            page.getAnnotations().add(link);
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(javascript));
            COSDictionary launch = new COSDictionary();
            launch.setItem(COSName.TYPE, COSName.getPDFName("Action"));
            launch.setItem(COSName.S, COSName.getPDFName("Launch"));
            launch.setItem(COSName.F, new COSString(launchTarget));
            COSDictionary pageActions = new COSDictionary();
            pageActions.setItem(COSName.getPDFName("O"), launch);
            page.getCOSObject().setItem(COSName.AA, pageActions);
        });
    }

    public static byte[] pdfWithEmbeddedFile(String name, byte[] content) {
        return pdf(1, document -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(content));
            file.setSize(content.length);
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Collections.singletonMap(name, spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        });
    }
}
