package org.epiflow.bundle.age;

/** How {@link AgeCodec} should read an encrypted input. */
public enum AgeFormat {
    /**
     * Binary if the input starts with {@code age-encryption.org/}; ASCII armor if it starts (after optional
     * whitespace) with {@code -----}; anything else is reported as "not an age file".
     */
    AUTO,
    /** Binary age file only. */
    BINARY,
    /** ASCII-armored age file only ({@code -----BEGIN AGE ENCRYPTED FILE-----}, {@code age -a}). */
    ARMORED
}
