/** Searching the open bundle's regions by Chinese or English name or by code. */
package org.epiflow.ui.search;
