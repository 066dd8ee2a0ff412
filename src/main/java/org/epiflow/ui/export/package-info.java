/** The export dialog: settings with a live preview, remembered between runs; exports run in the background. */
package org.epiflow.ui.export;
