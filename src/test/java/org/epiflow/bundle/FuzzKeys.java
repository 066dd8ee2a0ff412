package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignFormatException;
import org.epiflow.bundle.minisign.MinisignSecretKey;

import java.util.HexFormat;

/**
 * Fixed keys for the fuzz targets, so that committed corpora (bundles sealed for this officer and signed by this
 * carrier) still open in later runs. Test keys only: they protect nothing.
 */
public final class FuzzKeys {
    public static final String OFFICER_SECRET =
            "AGE-SECRET-KEY-17TAWHYQQJG9P6QGTMFJYZN40NHPS06JNPCFR6LCAWF3R9N9F5MPQ9WHK00";
    public static final String PASSPHRASE = "fuzz passphrase";
    private static final String CARRIER_SEED = "5fddb462c48e8a45decef06fce15da3a3c95985a8a2f7e87c7b3c463d4f49408";
    private static final String CARRIER_KEY_ID = "148803828fb46581";

    private FuzzKeys() {
    }

    /** The fuzzing officer's identity (the caller closes it). */
    public static AgeIdentity officer() {
        try {
            return AgeIdentity.parse(OFFICER_SECRET.toCharArray());
        } catch (AgeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fuzzing carrier's signing key (the caller closes it). */
    public static MinisignSecretKey carrier() {
        try {
            return MinisignSecretKey.fromSeed(HexFormat.of().parseHex(CARRIER_KEY_ID),
                    HexFormat.of().parseHex(CARRIER_SEED));
        } catch (MinisignFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
