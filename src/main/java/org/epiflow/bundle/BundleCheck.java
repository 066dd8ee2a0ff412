package org.epiflow.bundle;

import org.epiflow.text.Message;

/**
 * The checks a bundle passes on opening, in the order they run (docs/bundle-format.md, "Opening checks").
 * The first check that fails is the one reported. Each has a short title and advice for the user, in the bundle
 * catalogue as {@code bundle.check.<NAME>.title} and {@code bundle.check.<NAME>.advice}.
 */
public enum BundleCheck {
    /** The file is a well-formed bundle container within the size limits. */
    CONTAINER,
    /** The payload is signed by a carrier pinned in the trust store, and the header is the one signed. */
    SIGNATURE,
    /** The payload decrypts with the officer's identity and its authentication tags verify. */
    DECRYPTION,
    /** The manifest follows the schema and every table matches its declared hash and row count. */
    MANIFEST,
    /** The bundle has not expired. */
    EXPIRY,
    /** The bundle is declared for epidemic prevention. */
    PURPOSE,
    /** Only aggregates: declared columns, counts at or above k, no duplicate cells. */
    AGGREGATE_RULES;

    /** Short name of the check, for messages. */
    public Message title() {
        return Message.of("bundle.check." + name() + ".title");
    }

    /** What the user should do when this check fails. */
    public Message advice() {
        return Message.of("bundle.check." + name() + ".advice");
    }
}
