package org.epiflow.map;

/**
 * How a label is drawn. Backends map it to their own fonts (the bundled Noto Sans CJK SC covers Chinese and Latin).
 *
 * @param size      font size in pixels
 * @param bold      bold weight
 * @param color     text colour (ARGB)
 * @param halo      halo colour behind the text (ARGB; alpha 0 = none)
 * @param haloWidth halo width in pixels
 */
public record TextStyle(double size, boolean bold, int color, int halo, double haloWidth) {
}
