package io.rampart.core.attachments.images;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * QR codes typed as text: lines of Unicode block characters (█ ▀ ▄ ▌ ▐ and the quadrants), the "ASCII
 * QR code" of 2024 phishing, which carries no image and no link for a filter to see. Runs of such lines
 * are drawn back into a picture for the barcode scanner, each character as its four quadrants; twice,
 * since generators use one character or two side by side per module. Hand-written for the same reason
 * as {@link TableCodes}: no library turns text into the picture a terminal would show.
 */
public final class TextCodes {
    /** Block characters a text needs before it is looked at (a 21x21 code has about 220 dark modules). */
    public static final int MIN_BLOCKS = 100;
    /** Lines of blocks in a row that can hold a code (21 modules at two per line), and block characters per line. */
    private static final int MIN_LINES = 10;
    private static final int MIN_LINE_BLOCKS = 5;
    private static final int MAX_LINES = 400;
    private static final int MAX_COLUMNS = 400;
    private static final int MAX_CODES = 5;
    private static final int QUADRANT_PIXELS = 6;
    private static final int QUIET_PIXELS = 32;
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|pre|li|h\\d)>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern PRE = Pattern.compile("(?i)<pre[\\s>]");
    private static final Pattern SOURCE_BREAKS = Pattern.compile("\r?\n");

    private TextCodes() {
    }

    /** Cheap test: enough block characters in the text to draw a code. */
    public static boolean mayHoldACode(String text) {
        int blocks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2580' && c <= '\u259F' && quadrants(c) > 0 && ++blocks >= MIN_BLOCKS) {
                return true;
            }
        }
        return false;
    }

    /** An HTML part's text with its line breaks kept (the extracted text may have collapsed them). */
    public static String linesOfHtml(String html) {
        // Outside <pre>, a line break in the source is only white space: the lines are made by tags.
        String source = PRE.matcher(html).find() ? html : SOURCE_BREAKS.matcher(html).replaceAll("");
        String text = TAGS.matcher(BREAKS.matcher(source).replaceAll("\n")).replaceAll("");
        return org.jsoup.parser.Parser.unescapeEntities(text, false);
    }

    /** The pictures of the runs of block-character lines in {@code text}, each drawn at both character widths. */
    public static List<BufferedImage> render(String text) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (isCodeLine(line) && run.size() < MAX_LINES) {
                run.add(line);
                continue;
            }
            flush(run, images);
        }
        flush(run, images);
        return images;
    }

    private static void flush(List<String> run, List<BufferedImage> images) {
        if (run.size() >= MIN_LINES && images.size() < MAX_CODES * 2) {
            // A character is about half as wide as a line is high: one half-block (or two full blocks) per
            // module makes square modules at half width, one full block per module at full width.
            images.add(draw(run, QUADRANT_PIXELS / 2));
            images.add(draw(run, QUADRANT_PIXELS));
        }
        run.clear();
    }

    private static boolean isCodeLine(String line) {
        int blocks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quadrants(c) > 0) {
                blocks++;
            } else if (c != ' ' && c != '\u00a0' && c != '\u3000' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return blocks >= MIN_LINE_BLOCKS;
    }

    /**
     * The dark quadrants of a character as four bits (8 top left, 4 top right, 2 bottom left, 1 bottom
     * right); 0 for anything else (a space is light).
     */
    static int quadrants(char c) {
        switch (c) {
            case '\u2588': return 0b1111; // █
            case '\u2580': return 0b1100; // ▀
            case '\u2584': return 0b0011; // ▄
            case '\u258C': return 0b1010; // ▌
            case '\u2590': return 0b0101; // ▐
            case '\u2596': return 0b0010; // ▖
            case '\u2597': return 0b0001; // ▗
            case '\u2598': return 0b1000; // ▘
            case '\u2599': return 0b1011; // ▙
            case '\u259A': return 0b1001; // ▚
            case '\u259B': return 0b1110; // ▛
            case '\u259C': return 0b1101; // ▜
            case '\u259D': return 0b0100; // ▝
            case '\u259E': return 0b0110; // ▞
            case '\u259F': return 0b0111; // ▟
            default: return 0;
        }
    }

    /** Draws the lines, each character two quadrants wide and high, {@code quadrantWidth} pixels per quadrant column. */
    static BufferedImage draw(List<String> lines, int quadrantWidth) {
        boolean[][] cells = new boolean[lines.size() * 2][];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            int columns = Math.min(line.length(), MAX_COLUMNS);
            cells[row * 2] = new boolean[columns * 2];
            cells[row * 2 + 1] = new boolean[columns * 2];
            for (int column = 0; column < columns; column++) {
                int dark = quadrants(line.charAt(column));
                for (int q = 0; q < 4; q++) {
                    cells[row * 2 + q / 2][column * 2 + q % 2] = (dark & (8 >> q)) != 0;
                }
            }
        }
        return GridImages.draw(cells, quadrantWidth, QUADRANT_PIXELS, QUIET_PIXELS);
    }
}
