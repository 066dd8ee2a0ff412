/**
 * The JavaFX desktop application: views bind to view-models; the only layer that imports JavaFX.
 */
package org.epiflow.ui;
