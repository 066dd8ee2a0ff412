package org.epiflow.bundle;

/**
 * The checks a bundle passes on opening, in the order they run (docs/bundle-format.md, "Opening checks").
 * The first check that fails is the one reported.
 */
public enum BundleCheck {
    /** The file is a well-formed bundle container within the size limits. */
    CONTAINER("bundle file", "Ask the carrier to send the bundle again; the file may be damaged or not a bundle."),
    /** The payload is signed by a carrier pinned in the trust store, and the header is the one signed. */
    SIGNATURE("carrier signature", "Do not use this file. Check that you have the carrier's current public key, "
            + "and ask the carrier to confirm the bundle."),
    /** The payload decrypts with the officer's identity and its authentication tags verify. */
    DECRYPTION("decryption", "Check that this bundle was sealed for you and that you unlocked the right identity."),
    /** The manifest follows the schema and every table matches its declared hash and row count. */
    MANIFEST("manifest and table hashes", "Ask the carrier to reseal the bundle with a conforming tool."),
    /** The bundle has not expired. */
    EXPIRY("expiry date", "Ask the carrier for a current bundle; expired data may not be used."),
    /** The bundle is declared for epidemic prevention. */
    PURPOSE("purpose", "This workstation only opens data declared for epidemic prevention."),
    /** Only aggregates: declared columns, counts at or above k, no duplicate cells. */
    AGGREGATE_RULES("aggregate-only rules", "The bundle is not a proper aggregate; report it to the carrier "
            + "and do not use it.");

    private final String title;
    private final String advice;

    BundleCheck(String title, String advice) {
        this.title = title;
        this.advice = advice;
    }

    /** Short name of the check, for messages. */
    public String title() {
        return title;
    }

    /** What the user should do when this check fails. */
    public String advice() {
        return advice;
    }
}
