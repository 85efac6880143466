package io.rampart.core.attachments.images;

import java.awt.image.BufferedImage;

/** A grid of dark and light cells drawn as a black-on-white picture, for codes rebuilt from HTML or text. */
final class GridImages {
    private GridImages() {
    }

    /**
     * {@code dark[row][column]}, each cell {@code cellWidth} x {@code cellHeight} pixels, inside a white
     * border of {@code quiet} pixels (the quiet zone a scanner needs around a code). Rows may differ in
     * length.
     */
    static BufferedImage draw(boolean[][] dark, int cellWidth, int cellHeight, int quiet) {
        int columns = 0;
        for (boolean[] row : dark) {
            columns = Math.max(columns, row.length);
        }
        int width = columns * cellWidth + 2 * quiet;
        int height = dark.length * cellHeight + 2 * quiet;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(java.awt.Color.BLACK);
            for (int r = 0; r < dark.length; r++) {
                for (int c = 0; c < dark[r].length; c++) {
                    if (dark[r][c]) {
                        graphics.fillRect(quiet + c * cellWidth, quiet + r * cellHeight, cellWidth, cellHeight);
                    }
                }
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
