/**
 * Export backends painting the map drawing model into files. No JavaFX.
 */
package org.epiflow.export;
