package org.epiflow.cli;

import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.text.Untrusted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code epiflow verify}: checks a bundle's container and carrier signature; needs no key. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that a bundle is intact and signed by a trusted carrier (no key needed; nothing is "
                + "decrypted).")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "the bundle (.epiflow)")
    Path bundle;

    @Option(names = "--trust", required = true, description = "trusted carrier public key(s) (minisign .pub)")
    Path trust;

    @Override
    public Integer call() throws Exception {
        BundleReader.Verified v = new BundleReader(OfficerOptions.trust(trust)).verify(bundle, BundleProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Signature OK");
        out.println("  bundle:      " + v.header().bundleId());
        out.println("  issuer:      " + Untrusted.escape(v.header().issuer()));
        out.println("  created:     " + v.header().created());
        out.println("  signed by:   " + Untrusted.escape(v.signerKeyId()));
        out.println("  recipients:  " + v.header().recipients().stream()
                .map(r -> r.keyId() == null ? r.type() : r.type() + " " + r.keyId()).toList());
        out.println("  fingerprint: " + v.fingerprint());
        return 0;
    }
}
