/**
 * Plain data types shared by every layer: regions, flow tables, manifests. No I/O, no JavaFX.
 */
package org.epiflow.model;
