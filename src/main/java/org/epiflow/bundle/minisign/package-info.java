/**
 * minisign keys and prehashed Ed25519 signatures, compatible with the minisign command line.
 */
package org.epiflow.bundle.minisign;
