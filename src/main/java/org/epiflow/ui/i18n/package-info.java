/** Localization: English and Simplified Chinese resource bundles behind {@link org.epiflow.ui.i18n.Messages}. */
package org.epiflow.ui.i18n;
