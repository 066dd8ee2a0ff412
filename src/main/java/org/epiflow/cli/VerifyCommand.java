package org.epiflow.cli;

import org.epiflow.bundle.BundleProgress;
import org.epiflow.bundle.BundleReader;
import org.epiflow.text.Untrusted;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;
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
        Texts t = EpiflowCommand.texts(spec);
        out.println(t.get("cli.verify.ok"));
        Columns.print(out, "  ", 13, java.util.List.of(
                new String[] {t.get("cli.verify.bundle"), t.get("cli.value", v.header().bundleId())},
                new String[] {t.get("cli.verify.issuer"), t.get("cli.value", v.header().issuer())},
                new String[] {t.get("cli.verify.created"), t.get("cli.value", String.valueOf(v.header().created()))},
                new String[] {t.get("cli.verify.signer"), t.get("cli.value", v.signerKeyId())},
                new String[] {t.get("cli.verify.recipients"), t.get("cli.value", String.valueOf(
                        v.header().recipients().stream()
                                .map(r -> r.keyId() == null ? r.type() : r.type() + " " + r.keyId()).toList()))},
                new String[] {t.get("cli.verify.fingerprint"), t.get("cli.value", v.fingerprint())}));
        return 0;
    }
}
