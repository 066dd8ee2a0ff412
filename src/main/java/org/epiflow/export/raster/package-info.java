/** Raster exports: the Java2D page canvas, PNG (pHYs + tEXt trace) and animated GIF writers. */
package org.epiflow.export.raster;
