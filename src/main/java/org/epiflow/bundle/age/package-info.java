/**
 * The age v1 file format pieces that jagged does not provide: the scrypt passphrase stanza, passphrase-protected identity files, and a small facade over jagged's channels.
 */
package org.epiflow.bundle.age;
