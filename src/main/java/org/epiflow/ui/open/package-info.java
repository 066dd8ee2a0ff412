/** Opening bundles: background opening with progress and cancel, refusals in plain words, the open bundles. */
package org.epiflow.ui.open;
