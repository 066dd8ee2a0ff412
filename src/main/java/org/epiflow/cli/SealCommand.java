package org.epiflow.cli;

import org.epiflow.bundle.BundleManifest;
import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.Minimiser;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.text.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code epiflow seal}: minimise a carrier's aggregate tables, encrypt them for officers, sign and write a bundle. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Minimise aggregate tables (cells below k are suppressed, optional rounding), encrypt them for "
                + "the officers allowed to see them, sign with the carrier key and write a bundle.",
                "Input tables with identifier columns (msisdn, imsi, imei, phone, user/device id, name…) are refused."})
final class SealCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", required = true, description = "regions.csv: code,name,name_en,level,parent,lat,lon,population")
    Path regions;

    @Option(names = "--flows", required = true, description = "flows.csv: date,origin,destination,trips")
    Path flows;

    @Option(names = "--residents", description = "residents.csv: date,region,residents")
    Path residents;

    @Option(names = "--k", required = true, description = "suppression threshold: cells below k are not published")
    int k;

    @Option(names = "--rounding", defaultValue = "1", description = "round counts to multiples of this (default 1: none)")
    int rounding;

    @Option(names = "--expires", required = true, description = "last day the bundle may be used (yyyy-MM-dd)")
    LocalDate expires;

    @Option(names = "--to", description = "an officer's age1… recipient (repeat for several officers)")
    List<String> to = new ArrayList<>();

    @Option(names = "--passphrase-recipient", description = "encrypt to a passphrase instead of officers' keys "
            + "(age allows a passphrase only as the sole recipient)")
    boolean passphraseRecipient;

    @Option(names = "--passphrase-file", description = "with --passphrase-recipient: read the bundle's passphrase here; "
            + "without it: read the signing key's passphrase here (as --sign-passphrase-file)")
    Path passphraseFile;

    @Option(names = "--work-factor", defaultValue = "18", description = "with --passphrase-recipient: scrypt log2(N), "
            + "10..20 (default ${DEFAULT-VALUE})")
    int workFactor;

    @Option(names = "--sign", required = true, description = "the carrier's minisign secret key")
    Path signKey;

    @Option(names = "--sign-passphrase-file", description = "read the signing key's passphrase here")
    Path signPassphraseFile;

    @Option(names = "--issuer", defaultValue = "Carrier", description = "the carrier's name (default ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--geography", defaultValue = "prefecture", description = "geography level (default ${DEFAULT-VALUE})")
    String geography;

    @Option(names = "--bundle-id", description = "bundle id (default: a random UUID)")
    String bundleId;

    @Option(names = "--out", required = true, description = "the bundle file to write (.epiflow)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (passphraseRecipient && !to.isEmpty()) {
            throw new CliException(Message.of("cli.seal.passphraseAndTo"), 2);
        }
        if (!passphraseRecipient && to.isEmpty()) {
            throw new CliException(Message.of("cli.seal.noRecipient"), 2);
        }
        if (expires.isBefore(LocalDate.now())) {
            throw new CliException(Message.of("cli.seal.expired", expires.toString()), 2);
        }
        PrintWriter err = spec.commandLine().getErr();
        Minimiser.Result min = Minimiser.minimise(regions, flows, residents, k, rounding);
        err.print(min.report().summary());
        List<String> measures = new ArrayList<>(List.of("trips"));
        min.residents().ifPresent(r -> measures.add("residents"));
        BundleInfo info = new BundleInfo(bundleId == null ? UUID.randomUUID().toString() : bundleId, issuer,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), min.period(), "day", geography, measures, k, rounding,
                BundleManifest.PURPOSE, expires);
        AggregateDataset data = new AggregateDataset(info, min.regions(), min.flows(), min.residents());
        try (MinisignSecretKey key = signingKey();
             SealRecipients recipients = recipients()) {
            BundleSealer.Sealed sealed = BundleSealer.seal(data, recipients, key, out);
            err.println(EpiflowCommand.texts(spec).get("cli.seal.done", out, info.bundleId(),
                    String.valueOf(min.period()), data.flows().rowCount(), sealed.fingerprint()));
        }
        return 0;
    }

    /**
     * The carrier's key. Its passphrase file is {@code --sign-passphrase-file}, or — when the bundle is not sealed to
     * a passphrase, so {@code --passphrase-file} has nothing else to mean — {@code --passphrase-file}.
     */
    private MinisignSecretKey signingKey() throws Exception {
        if (passphraseRecipient) {
            return CarrierKeys.load(EpiflowCommand.texts(spec), signKey, signPassphraseFile, "--sign-passphrase-file");
        }
        if (passphraseFile != null && signPassphraseFile != null && !passphraseFile.equals(signPassphraseFile)) {
            throw new CliException(Message.of("cli.seal.twoSignPassphrases"), 2);
        }
        return CarrierKeys.load(EpiflowCommand.texts(spec), signKey,
                signPassphraseFile != null ? signPassphraseFile : passphraseFile,
                "--passphrase-file (or --sign-passphrase-file)");
    }

    private SealRecipients recipients() throws Exception {
        if (!passphraseRecipient) {
            try {
                return SealRecipients.officers(to);
            } catch (IllegalArgumentException e) {
                throw CliException.of(e, 2);
            }
        }
        char[] pass = Secrets.passphrase(EpiflowCommand.texts(spec), passphraseFile,
                Message.of("cli.prompt.bundle"), true, "--passphrase-file");
        try {
            return SealRecipients.passphrase(pass, workFactor);
        } catch (IllegalArgumentException e) {
            throw CliException.of(e, 2);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }
}
