package org.epiflow.ui;

import org.epiflow.bundle.BundleSealer;
import org.epiflow.bundle.SealRecipients;
import org.epiflow.bundle.TestDatasets;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.age.AgeIdentityFile;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.model.AggregateDataset;
import org.epiflow.ui.util.DialogService;
import org.epiflow.ui.util.FileChooserService;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;

/** Files and fakes for the desktop app's tests: an officer, a carrier, a sealed bundle; recording dialogs. */
public final class UiFixtures {
    public static final String PASSPHRASE = "correct horse";
    /** The passphrase {@link #passphraseBundle} is sealed to. */
    public static final String BUNDLE_PASSPHRASE = "shared bundle secret 共享";

    public final Path identity;
    public final Path trustStore;
    public final Path bundle;
    public final AggregateDataset data;
    /** The same data sealed to {@link #BUNDLE_PASSPHRASE} (work factor 10) instead of to the officer. */
    public final Path passphraseBundle;

    private UiFixtures(Path identity, Path trustStore, Path bundle, AggregateDataset data, Path passphraseBundle) {
        this.identity = identity;
        this.trustStore = trustStore;
        this.bundle = bundle;
        this.data = data;
        this.passphraseBundle = passphraseBundle;
    }

    /** An officer (work factor 10), a carrier trust store and a 21-day four-city bundle sealed to the officer. */
    public static UiFixtures create(Path dir) throws Exception {
        Path id = dir.resolve("officer.key");
        Path pub = dir.resolve("carrier.pub");
        Path bundle = dir.resolve("test.epiflow");
        AggregateDataset data = TestDatasets.dataset(21, 10, LocalDate.now().plusYears(1), 7);
        try (AgeIdentity officer = AgeIdentity.generate(); MinisignSecretKey carrier = MinisignSecretKey.generate()) {
            AgeIdentityFile.write(id, officer, PASSPHRASE.toCharArray(), 10);
            carrier.publicKey().write(pub);
            try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
                BundleSealer.seal(data, to, carrier, bundle);
            }
            try (SealRecipients to = SealRecipients.passphrase(BUNDLE_PASSPHRASE.toCharArray(), 10)) {
                BundleSealer.seal(data, to, carrier, dir.resolve("shared.epiflow"));
            }
        }
        return new UiFixtures(id, pub, bundle, data, dir.resolve("shared.epiflow"));
    }

    /** A throw-away preferences node. */
    public static Preferences prefsNode() {
        return Preferences.userRoot().node("epiflow-test/" + UUID.randomUUID());
    }

    /** Records dialogs instead of showing them. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String[]> errors = new ArrayList<>();
        public final List<String[]> infos = new ArrayList<>();
        public final List<String[]> confirms = new ArrayList<>();
        /** What {@link #confirm} answers. */
        public boolean answer = true;

        @Override
        public void showError(String title, String header, String message, String details) {
            errors.add(new String[] {title, header, message, details});
        }

        @Override
        public void showInfo(String title, String message) {
            infos.add(new String[] {title, message});
        }

        @Override
        public boolean confirm(String title, String message) {
            confirms.add(new String[] {title, message});
            return answer;
        }

        /** Answers to passphrase questions, in order (none left: the user cancels). */
        public final java.util.Deque<String> passphrases = new java.util.ArrayDeque<>();
        /** The passphrase questions asked: header and label. */
        public final List<String[]> passphraseQuestions = new ArrayList<>();

        @Override
        public java.util.Optional<char[]> askPassphrase(String title, String header, String label, String ok,
                                                        String cancel) {
            passphraseQuestions.add(new String[] {title, header, label, ok, cancel});
            String next = passphrases.poll();
            return next == null ? java.util.Optional.empty() : java.util.Optional.of(next.toCharArray());
        }
    }

    /** Answers file choosers from a queue. */
    public static final class ScriptedFiles implements FileChooserService {
        public final Deque<Path> answers = new ArrayDeque<>();
        /** The titles and filter names of the choosers asked for, in order. */
        public final List<String> titles = new ArrayList<>();
        /** Where each chooser was asked to start (null: nowhere in particular). */
        public final List<Path> initials = new ArrayList<>();

        @Override
        public Optional<Path> openFile(String title, Path initial, String filterName, String... extensions) {
            record(title, initial, filterName);
            return Optional.ofNullable(answers.pollFirst());
        }

        @Override
        public Optional<Path> saveFile(String title, Path initial, String filterName, String... extensions) {
            record(title, initial, filterName);
            return Optional.ofNullable(answers.pollFirst());
        }

        private void record(String title, Path initial, String filterName) {
            titles.add(title);
            titles.add(filterName);
            initials.add(initial);
        }
    }
}
