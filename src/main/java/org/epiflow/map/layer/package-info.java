/**
 * The layers of a map picture and their order: the {@link org.epiflow.map.layer.SceneLayer} contract, the standard
 * layers (basemap, heatmap, density, borders, symbols, flows, labels) and their registry
 * {@link org.epiflow.map.layer.SceneLayers}.
 */
package org.epiflow.map.layer;
