/**
 * minisign keys and prehashed Ed25519 signatures, compatible with the minisign command line.
 *
 * <p>To check a bundle: build a {@link org.epiflow.bundle.minisign.TrustStore} ({@code TrustStore.load(path)}),
 * parse the {@code .minisig} with {@link org.epiflow.bundle.minisign.MinisignSignature#parse(String)}, feed the
 * bundle bytes to a {@link org.epiflow.bundle.minisign.MinisignHasher} while reading, then call
 * {@link org.epiflow.bundle.minisign.MinisignVerifier#verify(TrustStore, MinisignSignature, byte[])}. Only after it
 * returns is the content (and the trusted comment) authenticated. To sign (carrier side, tests):
 * {@link org.epiflow.bundle.minisign.MinisignSecretKey} and {@link org.epiflow.bundle.minisign.MinisignSigner}.
 *
 * <p>Every failure is a checked {@link org.epiflow.bundle.minisign.MinisignException} subclass. Byte formats:
 * {@code docs/minisign-notes.md}; policy and rationale: {@code docs/decisions/0003-minisign-signatures.md}.
 */
package org.epiflow.bundle.minisign;
