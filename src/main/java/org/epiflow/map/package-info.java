/**
 * The map drawing model (layers, styles, projection, geometry) shared by the screen and every export backend.
 */
package org.epiflow.map;
