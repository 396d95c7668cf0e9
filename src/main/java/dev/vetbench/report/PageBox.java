package dev.vetbench.report;

/**
 * A rectangle on one page of a PDF, in points from the bottom-left corner.
 *
 * @param pageIndex the page, counted from 0
 * @param x left edge
 * @param y bottom edge
 * @param width width
 * @param height height
 */
public record PageBox(int pageIndex, float x, float y, float width, float height) {
}
