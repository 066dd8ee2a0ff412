/**
 * Opened bundles held in memory and indexed for the views and analytics. No JavaFX.
 */
package org.epiflow.data;
