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

    public final Path identity;
    public final Path trustStore;
    public final Path bundle;
    public final AggregateDataset data;

    private UiFixtures(Path identity, Path trustStore, Path bundle, AggregateDataset data) {
        this.identity = identity;
        this.trustStore = trustStore;
        this.bundle = bundle;
        this.data = data;
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
        }
        return new UiFixtures(id, pub, bundle, data);
    }

    /** A throw-away preferences node. */
    public static Preferences prefsNode() {
        return Preferences.userRoot().node("epiflow-test/" + UUID.randomUUID());
    }

    /** Records dialogs instead of showing them. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String[]> errors = new ArrayList<>();

        @Override
        public void showError(String title, String header, String message, String details) {
            errors.add(new String[] {title, header, message, details});
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
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
