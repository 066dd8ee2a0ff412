/**
 * The {@code epiflow} command line (picocli): thin commands over the bundle, data and analytics layers.
 */
package org.epiflow.cli;
