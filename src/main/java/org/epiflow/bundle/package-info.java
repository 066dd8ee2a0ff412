/**
 * The sealed aggregate bundle format v1 (docs/bundle-format.md): reading, checking and writing bundles, with its own exception types. Depends only on {@code model} and the crypto sub-packages.
 */
package org.epiflow.bundle;
