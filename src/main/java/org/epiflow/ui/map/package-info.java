/**
 * The map view: the view-model (viewport, filters, hover, selection, frames drawn in the background by the mapmodel
 * rasteriser) and the node that shows the pixels through a {@code PixelBuffer}.
 */
package org.epiflow.ui.map;
