/** SVG export: true vectors, one path per arc, text as text. */
package org.epiflow.export.svg;
