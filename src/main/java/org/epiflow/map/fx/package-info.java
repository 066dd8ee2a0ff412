/**
 * JavaFX adapters of the map drawing model: a {@link org.epiflow.map.MapPainter} over a JavaFX
 * {@code GraphicsContext}, and the naive JavaFX Canvas baseline of the map benchmark. The only package besides
 * {@code ui} allowed to import JavaFX.
 */
package org.epiflow.map.fx;
