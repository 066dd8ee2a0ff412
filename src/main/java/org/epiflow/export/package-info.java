/**
 * Briefing exports: the map drawing model ({@code MapScene} through {@code MapPainter}) laid out on a QGIS-like
 * page and written as PNG, SVG, PDF, PPTX or animated GIF, plus CSV/XLSX tables that hold only what the bundle
 * allows. Entry point: {@link org.epiflow.export.Exporter}; see docs/exports.md. No JavaFX.
 */
package org.epiflow.export;
