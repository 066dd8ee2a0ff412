/**
 * Spread-risk models computed from flows and case counts. No JavaFX.
 */
package org.epiflow.analytics;
