package org.epiflow.ui.unlock;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epiflow.bundle.age.AgeException;
import org.epiflow.bundle.age.WrongPassphraseException;
import org.epiflow.bundle.minisign.MinisignException;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.prefs.AppPreferences;
import org.epiflow.ui.util.FileChooserService;
import org.epiflow.ui.util.TaskCallbacks;
import org.epiflow.ui.util.TaskExecutor;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * State and logic of the unlock screen. The passphrase arrives from the password field as text (JavaFX keeps it as
 * a {@code String}, which cannot be wiped); it is copied into a {@code char[]} for scrypt, that copy is wiped, and the
 * field is cleared after every attempt.
 */
public final class UnlockViewModel {
    private final Messages messages;
    private final TaskExecutor executor;
    private final IdentityUnlocker unlocker;
    private final AppPreferences prefs;
    private final FileChooserService files;
    private final Backoff backoff;

    private final ObjectProperty<Path> identityFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> trustStore = new SimpleObjectProperty<>();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final org.epiflow.ui.i18n.LocalText message;
    private final org.epiflow.ui.i18n.LocalText hint;
    /** Whether {@link #message} reports a failure (shown as a warning) rather than a state (shown plainly). */
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final LongProperty waitSeconds = new SimpleLongProperty();
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canUnlock;
    private Consumer<Path> onDemoBundle = p -> { };
    private java.util.function.BiConsumer<Path, String> onFailedUnlock = (file, reason) -> { };

    public UnlockViewModel(Messages messages, TaskExecutor executor, IdentityUnlocker unlocker, AppPreferences prefs,
                           FileChooserService files, Clock clock) {
        this.messages = messages;
        this.message = messages.text();
        this.hint = messages.text();
        this.executor = executor;
        this.unlocker = unlocker;
        this.prefs = prefs;
        this.files = files;
        this.backoff = new Backoff(clock);
        prefs.identityFile().ifPresent(identityFile::set);
        prefs.trustStore().ifPresent(trustStore::set);
        canUnlock = identityFile.isNotNull().and(trustStore.isNotNull()).and(passphrase.isNotEmpty())
                .and(busy.not()).and(waitSeconds.isEqualTo(0)).and(session.isNull());
    }

    /** Called (on the UI thread) with the identity file and the reason after each failed unlock attempt. */
    public void setOnFailedUnlock(java.util.function.BiConsumer<Path, String> hook) {
        this.onFailedUnlock = hook == null ? (file, reason) -> { } : hook;
    }

    /** On a first run (no identity remembered), looks for the demo in the background and offers it. */
    public void offerDemo(DemoFinder finder, Consumer<Path> demoBundle) {
        this.onDemoBundle = demoBundle;
        if (identityFile.get() != null) {
            return;
        }
        executor.execute(ctx -> finder.find(), TaskCallbacks.<java.util.Optional<DemoFinder.DemoFiles>>of(found ->
                found.ifPresent(d -> {
                    if (identityFile.get() == null && session.get() == null) {
                        identityFile.set(d.identity());
                        trustStore.set(d.trustStore());
                        hint.show("unlock.demoHint", d.passphrase());
                        onDemoBundle.accept(d.bundle());
                    }
                }), e -> { }));
    }

    public void chooseIdentityFile() {
        files.openFile(messages.get("unlock.chooseIdentity"), identityFile.get(),
                messages.get("unlock.identityFilter"), "*.key", "*.age", "*.txt", "*")
                .ifPresent(identityFile::set);
    }

    public void chooseTrustStore() {
        files.openFile(messages.get("unlock.chooseTrustStore"), trustStore.get(),
                messages.get("unlock.trustFilter"), "*.pub", "*")
                .ifPresent(trustStore::set);
    }

    /** Starts unlocking in the background (does nothing unless {@link #canUnlockProperty()} is true). */
    public void unlock() {
        tick();
        if (!canUnlock.get()) {
            return;
        }
        char[] pass = passphrase.get().toCharArray();
        passphrase.set("");
        Path id = identityFile.get();
        Path trust = trustStore.get();
        busy.set(true);
        state("unlock.working");
        executor.execute(ctx -> {
            try {
                return unlocker.unlock(id, pass, trust);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }, TaskCallbacks.of(s -> {
            busy.set(false);
            backoff.reset();
            state(null);
            hint.clear();
            prefs.setIdentityFile(id);
            prefs.setTrustStore(trust);
            session.set(s);
        }, e -> {
            busy.set(false);
            if (e instanceof WrongPassphraseException) {
                backoff.recordFailure();
                onFailedUnlock.accept(id, "wrong passphrase");
                tick();
                problem(org.epiflow.text.Message.of("unlock.error.wrongPassphrase", backoff.failures()));
            } else {
                problem(describe(e));
            }
        }));
    }

    private org.epiflow.text.Message describe(Exception e) {
        if (e instanceof NoSuchFileException nf) {
            return org.epiflow.text.Message.of("unlock.error.missingFile", nf.getFile());
        }
        if (e instanceof MinisignException) {
            return org.epiflow.text.Message.of("unlock.error.trustStore", reason(e));
        }
        if (e instanceof AgeException) {
            return org.epiflow.text.Message.of("unlock.error.identity", reason(e));
        }
        return org.epiflow.text.Message.of("unlock.error.other", org.epiflow.text.Problems.of(e));
    }

    private static Object reason(Exception e) {
        return org.epiflow.text.Problems.reason(e);
    }

    /** A state of the workstation (unlocking, locked), shown plainly; null clears the message. */
    private void state(String key) {
        messageIsProblem.set(false);
        if (key == null) {
            message.clear();
        } else {
            message.show(key);
        }
    }

    /** A failure to tell the officer, shown as a warning. */
    private void problem(org.epiflow.text.Message m) {
        messageIsProblem.set(true);
        message.show(m);
    }

    /** Updates the countdown from the clock; the view calls it a few times a second while waiting. */
    public void tick() {
        waitSeconds.set(backoff.remainingSeconds());
    }

    /** Wipes the key material and returns to the locked state. */
    public void lock() {
        Session s = session.get();
        if (s != null) {
            s.close();
            session.set(null);
        }
        state("unlock.locked");
    }

    public ObjectProperty<Path> identityFileProperty() {
        return identityFile;
    }

    public ObjectProperty<Path> trustStoreProperty() {
        return trustStore;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty hintProperty() {
        return hint;
    }

    /** True when the message reports a failure (wrong passphrase, unreadable file), false for a normal state. */
    public BooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public LongProperty waitSecondsProperty() {
        return waitSeconds;
    }

    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    /** Text of the countdown, empty when no wait. */
    public javafx.beans.binding.StringBinding countdownText() {
        return messages.bind(() -> waitSeconds.get() <= 0 ? ""
                : messages.get("unlock.wait", waitSeconds.get()), waitSeconds);
    }

    Backoff backoff() {
        return backoff;
    }
}
