/**
 * The print layout (QGIS-like): page geometry, legend, scale bar, north arrow, header and footer, painted through
 * any {@link org.epiflow.export.PageCanvas}.
 */
package org.epiflow.export.layout;
