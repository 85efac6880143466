package io.rampart.core.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.apache.tika.Tika;

import com.google.common.collect.ImmutableSet;

/**
 * What a file really is: Tika's detection from the bytes (magic numbers first, the name only to
 * refine), our own checks for the formats that matter most (executables, disk images, archives,
 * OLE and OOXML documents), and what its name claims (extension, double extension, bidi tricks).
 */
public final class FileTypes {
    private static final Tika TIKA = new Tika();

    /**
     * Extensions that run code when opened on Windows or macOS desktops. Source code a developer runs on
     * purpose ({@code .py}, {@code .sh}) and generic names ({@code .bin}) are left out: they are everyday
     * attachments on technical lists and nothing opens them by a double click.
     */
    public static final ImmutableSet<String> EXECUTABLE_EXTENSIONS = ImmutableSet.of(
        "exe", "scr", "pif", "com", "dll", "cpl", "msi", "msp", "mst", "msc", "jar", "lnk", "bat", "cmd",
        "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "wsc", "hta", "reg", "scf", "inf",
        "chm", "hlp", "gadget", "application", "appref-ms", "xll", "xlam", "sct", "iqy", "slk",
        "apk", "app", "command", "ws", "msix", "appx", "appinstaller",
        "library-ms", "searchconnector-ms", "settingcontent-ms", "diagcab", "one", "website");
    public static final ImmutableSet<String> DISK_IMAGE_EXTENSIONS = ImmutableSet.of(
        "iso", "img", "vhd", "vhdx", "dmg", "udf", "vmdk");
    public static final ImmutableSet<String> MACRO_DOCUMENT_EXTENSIONS = ImmutableSet.of(
        "docm", "dotm", "xlsm", "xltm", "xlsb", "pptm", "potm", "ppsm", "sldm", "xlm");
    /** What a victim expects to be harmless: the first half of {@code invoice.pdf.exe}. */
    public static final ImmutableSet<String> DECOY_EXTENSIONS = ImmutableSet.of(
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "jpg", "jpeg", "png", "gif", "bmp",
        "tif", "tiff", "csv", "htm", "html", "mp3", "mp4", "wav", "avi", "mov", "zip", "rar", "7z", "odt", "ods",
        "eml", "msg", "xml", "json");
    private static final String BIDI_CONTROLS = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F";

    private FileTypes() {
    }

    /** Tika's type from the bytes, the name refining when the bytes are generic (zip, OLE, text). */
    public static String detect(byte[] content, Optional<String> name) {
        Optional<String> common = commonImageOrPdf(content);
        if (common.isPresent()) {
            return common.get();
        }
        try {
            return TIKA.detect(content, name.orElse(null));
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /**
     * The types most attachments are, by the signature Tika itself keys them on: Tika's detection costs
     * about a millisecond per file (it runs its whole magic table, regular expressions included), and
     * mail carries many logos and PDFs. Same answer as Tika's for every such file of the corpus.
     */
    static Optional<String> commonImageOrPdf(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && matches(b, 1, "PNG\r\n\u001a\n")) {
            return Optional.of("image/png");
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && (matches(b, 0, "GIF87a") || matches(b, 0, "GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (b.length >= 8 && matches(b, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** The type implied by the name alone ("application/octet-stream" when unknown). */
    public static String typeOfName(String name) {
        try {
            return TIKA.detect(name);
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** The last extension, lower-case, without trailing dots or spaces. */
    public static String extension(String name) {
        String trimmed = stripBidi(name).trim();
        while (trimmed.endsWith(".") || trimmed.endsWith(" ")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String base = trimmed.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }

    /** The extension before the last one ({@code pdf} in {@code invoice.pdf.exe}), if any. */
    public static String innerExtension(String name) {
        String trimmed = stripBidi(name).trim();
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String base = trimmed.substring(slash + 1);
        int last = base.lastIndexOf('.');
        if (last <= 0) {
            return "";
        }
        String head = base.substring(0, last).trim();
        int dot = head.lastIndexOf('.');
        return dot < 0 ? "" : head.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }

    public static boolean hasBidiControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (BIDI_CONTROLS.indexOf(name.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The name as a reader would see it in logs: bidi controls shown as {@code <U+202E>}. */
    public static String visible(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (BIDI_CONTROLS.indexOf(c) >= 0) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripBidi(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            if (BIDI_CONTROLS.indexOf(name.charAt(i)) < 0) {
                out.append(name.charAt(i));
            }
        }
        return out.toString();
    }

    /** A native executable or shortcut recognised by its magic number, named. */
    public static Optional<String> executableKind(byte[] b) {
        if (b.length >= 64 && b[0] == 'M' && b[1] == 'Z') {
            long peOffset = u32le(b, 0x3C);
            if (peOffset > 0 && peOffset + 4 <= b.length && b[(int) peOffset] == 'P' && b[(int) peOffset + 1] == 'E'
                && b[(int) peOffset + 2] == 0 && b[(int) peOffset + 3] == 0) {
                return Optional.of("Windows PE executable");
            }
            return Optional.of("DOS/Windows executable (MZ)");
        }
        if (b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            return Optional.of("ELF executable");
        }
        if (b.length >= 4) {
            long magic = u32be(b, 0);
            if (magic == 0xFEEDFACEL || magic == 0xFEEDFACFL || magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL) {
                return Optional.of("Mach-O executable");
            }
            // 0xCAFEBABE is both a fat Mach-O and a Java class: a fat binary has few architectures.
            if (magic == 0xCAFEBABEL && b.length >= 8 && u32be(b, 4) > 0 && u32be(b, 4) < 20) {
                return Optional.of("Mach-O universal executable");
            }
        }
        if (b.length >= 20 && u32le(b, 0) == 0x4C && b[4] == 0x01 && b[5] == 0x14 && b[6] == 0x02 && b[7] == 0) {
            return Optional.of("Windows shortcut (LNK)");
        }
        if (b.length >= 4 && b[0] == 'I' && b[1] == 'T' && b[2] == 'S' && b[3] == 'F') {
            return Optional.of("compiled HTML help (CHM)");
        }
        return Optional.empty();
    }

    /** A disk image (ISO 9660/UDF, VHD, VHDX, DMG) recognised by its magic number, named. */
    public static Optional<String> diskImageKind(byte[] b) {
        for (int offset : new int[] {0x8001, 0x8801, 0x9001}) {
            if (matches(b, offset, "CD001")) {
                return Optional.of("ISO 9660 disk image");
            }
            if (matches(b, offset, "BEA01") || matches(b, offset, "NSR02") || matches(b, offset, "NSR03")) {
                return Optional.of("UDF disk image");
            }
        }
        if (matches(b, 0, "vhdxfile")) {
            return Optional.of("VHDX disk image");
        }
        if (matches(b, 0, "conectix") || (b.length >= 512 && matches(b, b.length - 512, "conectix"))) {
            return Optional.of("VHD disk image");
        }
        if (b.length >= 512 && matches(b, b.length - 512, "koly")) {
            return Optional.of("Apple disk image (DMG)");
        }
        return Optional.empty();
    }

    public static boolean isOle(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
            && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1 && b[6] == 0x1A
            && (b[7] & 0xFF) == 0xE1;
    }

    public static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6)
            || (b[2] == 7 && b[3] == 8));
    }

    public static boolean isPdf(byte[] b) {
        int limit = Math.min(b.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F') {
                return true;
            }
        }
        return false;
    }

    public static boolean isRtf(byte[] b) {
        return matches(b, 0, "{\\rt");
    }

    static boolean matches(byte[] b, int offset, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        if (offset < 0 || offset + needle.length > b.length) {
            return false;
        }
        for (int i = 0; i < needle.length; i++) {
            if (b[offset + i] != needle[i]) {
                return false;
            }
        }
        return true;
    }

    static long u32le(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
            | (b[offset + 3] & 0xFFL) << 24;
    }

    static long u32be(byte[] b, int offset) {
        return (b[offset] & 0xFFL) << 24 | (b[offset + 1] & 0xFFL) << 16 | (b[offset + 2] & 0xFFL) << 8
            | (b[offset + 3] & 0xFFL);
    }

    /** Coarse families, to tell a real mismatch (a PE named .pdf) from a refinement (a .docx that is a zip). */
    public static String family(String mimeType) {
        String t = mimeType.toLowerCase(Locale.ROOT);
        if (t.equals("application/pdf")) {
            return "pdf";
        }
        if (t.startsWith("image/")) {
            return "image";
        }
        if (t.contains("msdownload") || t.contains("x-dosexec") || t.contains("executable") || t.contains("x-elf")
            || t.contains("mach-o") || t.contains("x-sharedlib")) {
            return "executable";
        }
        if (t.equals("application/zip") || t.contains("openxmlformats") || t.contains("java-archive")
            || t.contains("opendocument") || t.contains("vnd.android.package") || t.contains("epub")
            || t.contains("ms-word.document.macroenabled") || t.contains("macroenabled")) {
            return "zip";
        }
        if (t.contains("x-tika-msoffice") || t.equals("application/msword") || t.equals("application/vnd.ms-excel")
            || t.equals("application/vnd.ms-powerpoint") || t.contains("ms-outlook") || t.contains("x-msi")
            || t.contains("x-ole-storage")) {
            return "ole";
        }
        if (t.equals("application/rtf") || t.equals("text/rtf")) {
            return "rtf";
        }
        if (t.startsWith("audio/") || t.startsWith("video/")) {
            return "media";
        }
        return "";
    }
}
