package io.rampart.core.attachments.images;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * QR codes drawn with HTML instead of an image: a table whose cells, coloured black or white by
 * {@code bgcolor}, an inline {@code background} or a style-sheet class, are the code's modules. Phishing moved to it in 2024
 * because an image scanner sees no image. Each such table is drawn back into a picture (one cell, or a
 * {@code colspan} run, per module) for the barcode scanner. The same grid built of boxes instead of a
 * table is read too: a block of rows of coloured {@code div}s or {@code span}s (flex rows), rows of boxes
 * separated by {@code <br>}, or one flat run of boxes wrapped by a CSS grid ({@code grid-template-columns:
 * repeat(25, 4px)}) or a square count. Written here because no library renders
 * HTML layout into pixels short of a browser; this reads only the grid, which is all a code is.
 */
public final class TableCodes {
    /** A version-1 QR code is 21 modules a side; the largest (version 40) is 177, plus a quiet zone. */
    public static final int MIN_MODULES = 21;
    public static final int MAX_MODULES = 200;
    /** Tables looked at per document, and the pixel size of one module when drawn. */
    private static final int MAX_TABLES = 20;
    private static final int MODULE_PIXELS = 4;
    private static final int QUIET_MODULES = 4;
    private static final Pattern BACKGROUND = Pattern.compile(
        "(?i)background(?:-color)?\\s*:\\s*([#a-z0-9(),.\\s%]+?)\\s*(?:;|!|$)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern CLASS_RULE = Pattern.compile("\\.([A-Za-z_][\\w-]{0,40})\\s*\\{([^}]{0,500})\\}");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern GRID_COLUMNS = Pattern.compile("(?i)grid-template-columns\\s*:\\s*repeat\\(\\s*(\\d{1,3})\\s*,");
    /** Blocks of boxes looked at per document (a box grid is one element with many children). */
    private static final int MAX_BOX_BLOCKS = 50;
    private static final com.google.common.collect.ImmutableSet<String> TABLE_TAGS =
        com.google.common.collect.ImmutableSet.of("table", "thead", "tbody", "tfoot", "tr");

    private TableCodes() {
    }

    /** Cheap test on the raw HTML before parsing it: enough cells or boxes for a 21x21 grid. */
    public static boolean mayHoldACode(String html) {
        int cells = 0;
        for (int i = html.indexOf('<'); i >= 0 && i + 3 <= html.length(); i = html.indexOf('<', i + 1)) {
            if ((html.regionMatches(true, i, "<td", 0, 3) || html.regionMatches(true, i, "<div", 0, 4)
                || html.regionMatches(true, i, "<span", 0, 5)) && ++cells >= MIN_MODULES * MIN_MODULES) {
                return true;
            }
        }
        return false;
    }

    /** The pictures of the document's tables that look like a code's grid (square, dark and light cells). */
    public static List<BufferedImage> render(Document document) {
        List<BufferedImage> images = new ArrayList<>();
        Map<String, String> classColours = classColours(document);
        int tables = 0;
        for (Element table : document.select("table")) {
            if (tables++ >= MAX_TABLES) {
                break;
            }
            grid(table, classColours).map(TableCodes::draw).ifPresent(images::add);
        }
        int blocks = 0;
        for (Element block : document.getAllElements()) {
            if (block.childrenSize() < MIN_MODULES || TABLE_TAGS.contains(block.normalName())) {
                continue;
            }
            if (blocks++ >= MAX_BOX_BLOCKS) {
                break;
            }
            boxGrid(block, classColours).map(TableCodes::draw).ifPresent(images::add);
        }
        return images;
    }

    /** The modules of a block of boxes laid out as a code's grid, if it is one. */
    static Optional<boolean[][]> boxGrid(Element block, Map<String, String> classColours) {
        List<Element> children = block.children();
        // Rows of boxes: each child is a row whose children are the cells.
        if (children.size() <= MAX_MODULES && children.stream().allMatch(row -> Math.abs(row.childrenSize() - children.size()) <= 2)) {
            List<List<Element>> rows = new ArrayList<>();
            for (Element row : children) {
                rows.add(row.children());
            }
            Optional<boolean[][]> grid = modules(rows, classColours);
            if (grid.isPresent()) {
                return grid;
            }
        }
        // Boxes in a row, lines broken by <br>.
        List<List<Element>> lines = new ArrayList<>();
        List<Element> line = new ArrayList<>();
        for (Element child : children) {
            if (child.normalName().equals("br")) {
                lines.add(line);
                line = new ArrayList<>();
            } else {
                line.add(child);
            }
        }
        lines.add(line);
        lines.removeIf(List::isEmpty);
        if (lines.size() >= MIN_MODULES) {
            return modules(lines, classColours);
        }
        // One flat run of boxes wrapped into a square by the layout.
        int count = children.size();
        int columns = 0;
        Matcher gridColumns = GRID_COLUMNS.matcher(block.attr("style"));
        if (gridColumns.find()) {
            columns = Integer.parseInt(gridColumns.group(1));
        } else {
            int root = (int) Math.round(Math.sqrt(count));
            columns = root * root == count ? root : 0;
        }
        if (columns < MIN_MODULES || columns > MAX_MODULES || count % columns != 0) {
            return Optional.empty();
        }
        List<List<Element>> rows = new ArrayList<>();
        for (int start = 0; start < count; start += columns) {
            rows.add(children.subList(start, start + columns));
        }
        return modules(rows, classColours);
    }

    /** Background colours given to classes in the document's style sheets ({@code .b{background:#000}}). */
    private static Map<String, String> classColours(Document document) {
        Map<String, String> colours = new HashMap<>();
        for (Element style : document.select("style")) {
            Matcher rule = CLASS_RULE.matcher(style.data());
            while (rule.find() && colours.size() < 100) {
                Matcher background = BACKGROUND.matcher(rule.group(2));
                if (background.find()) {
                    colours.put(rule.group(1).toLowerCase(Locale.ROOT), background.group(1).trim());
                }
            }
        }
        return colours;
    }

    /** The table's modules (true = dark), when it is a square grid of coloured cells. */
    static Optional<boolean[][]> grid(Element table, Map<String, String> classColours) {
        List<List<Element>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") == table) {
                List<Element> cells = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(cell);
                    }
                }
                rows.add(cells);
            }
        }
        return modules(rows, classColours);
    }

    /**
     * The modules (true = dark) of rows of cells (a {@code colspan} counts as that many), when they make a
     * square grid of coloured cells.
     */
    private static Optional<boolean[][]> modules(List<List<Element>> rows, Map<String, String> classColours) {
        if (rows.size() < MIN_MODULES || rows.size() > MAX_MODULES) {
            return Optional.empty();
        }
        boolean[][] modules = new boolean[rows.size()][];
        int width = -1;
        int dark = 0;
        int coloured = 0;
        int total = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Boolean> row = new ArrayList<>();
            for (Element cell : rows.get(r)) {
                if (cell.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                    return Optional.empty(); // A module shows nothing but its colour; a cell with words is layout.
                }
                Optional<Boolean> isDark = dark(cell, classColours);
                int span = span(cell);
                for (int i = 0; i < span && row.size() <= MAX_MODULES; i++) {
                    row.add(isDark.orElse(false));
                }
                total += span;
                if (isDark.isPresent()) {
                    coloured += span;
                    if (isDark.get()) {
                        dark += span;
                    }
                }
            }
            if (width < 0) {
                width = row.size();
            }
            if (row.size() != width || width > MAX_MODULES) {
                return Optional.empty();
            }
            modules[r] = new boolean[width];
            for (int c = 0; c < width; c++) {
                modules[r][c] = row.get(c);
            }
        }
        // A code is square, its cells are painted (often only the dark ones), and roughly half of them dark.
        if (Math.abs(width - rows.size()) > 2 || coloured * 5 < total || dark * 5 < total || dark * 5 > total * 4) {
            return Optional.empty();
        }
        return Optional.of(modules);
    }

    private static int span(Element cell) {
        try {
            return Math.max(1, Math.min(MAX_MODULES, Integer.parseInt(cell.attr("colspan").trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether a cell is painted dark or light; empty when it sets no colour (then it is light). */
    private static Optional<Boolean> dark(Element cell, Map<String, String> classColours) {
        String colour = cell.attr("bgcolor").trim();
        if (colour.isEmpty()) {
            Matcher background = BACKGROUND.matcher(cell.attr("style"));
            if (background.find()) {
                colour = background.group(1).trim();
            }
        }
        if (colour.isEmpty() && !classColours.isEmpty()) {
            for (String name : cell.classNames()) {
                colour = classColours.getOrDefault(name.toLowerCase(Locale.ROOT), colour);
            }
        }
        if (colour.isEmpty()) {
            return Optional.empty();
        }
        return luminance(colour.toLowerCase(Locale.ROOT)).map(value -> value < 0.5);
    }

    private static Optional<Double> luminance(String colour) {
        Matcher hex = HEX.matcher(colour);
        if (hex.find()) {
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
            }
            int value = Integer.parseInt(digits, 16);
            return Optional.of(luminance(value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF));
        }
        Matcher rgb = RGB.matcher(colour);
        if (rgb.find()) {
            return Optional.of(luminance(Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)),
                Integer.parseInt(rgb.group(3))));
        }
        switch (colour.split("\\s")[0]) {
            case "black":
            case "navy":
            case "darkblue":
            case "darkgreen":
                return Optional.of(0.0);
            case "white":
            case "transparent":
                return Optional.of(1.0);
            default:
                return Optional.empty();
        }
    }

    private static double luminance(int red, int green, int blue) {
        return (0.2126 * Math.min(red, 255) + 0.7152 * Math.min(green, 255) + 0.0722 * Math.min(blue, 255)) / 255;
    }

    /** The grid drawn with a white quiet zone around it, {@link #MODULE_PIXELS} pixels a module. */
    static BufferedImage draw(boolean[][] modules) {
        return GridImages.draw(modules, MODULE_PIXELS, MODULE_PIXELS, QUIET_MODULES * MODULE_PIXELS);
    }
}
