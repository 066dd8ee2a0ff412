package org.epiflow.bundle;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;
import org.epiflow.text.Texts;

/**
 * A bundle was refused. Says which {@link BundleCheck} failed and, as a {@link Message} (a catalogue key of
 * {@code bundle.properties} plus arguments), exactly what was wrong; subclasses narrow the kind. {@link #getMessage()}
 * is the English wording, for logs and tests. Never carries decrypted table content in its message.
 */
public class BundleException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;
    private final BundleCheck check;
    private final transient Message message;

    public BundleException(BundleCheck check, Message message) {
        super((String) null);
        this.check = check;
        this.message = message;
    }

    public BundleException(BundleCheck check, Message message, Throwable cause) {
        super(null, cause);
        this.check = check;
        this.message = message;
    }

    /** The check that failed. */
    public BundleCheck check() {
        return check;
    }

    /** What exactly was found, as a key plus arguments. */
    @Override
    public Message message() {
        return message;
    }

    /** The English wording (formatted when asked for, so refusing costs no formatting). */
    @Override
    public String getMessage() {
        return message.english();
    }

    /**
     * The whole refusal for a person: which check failed, what exactly was found, and what to do
     * ({@code bundle.refused}).
     */
    public Message refusal() {
        return Message.of("bundle.refused", check.title(), message, check.advice());
    }

    /** {@link #refusal()} in English. */
    public String userMessage() {
        return userMessage(Texts.inEnglish());
    }

    /** {@link #refusal()} in the language of {@code texts}. */
    public String userMessage(Texts texts) {
        return texts.format(refusal());
    }
}
