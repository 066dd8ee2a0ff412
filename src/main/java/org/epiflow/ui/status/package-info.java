/** The status bar: officer, bundle, lock state. */
package org.epiflow.ui.status;
