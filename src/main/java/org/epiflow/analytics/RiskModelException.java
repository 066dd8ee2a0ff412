package org.epiflow.analytics;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/** A model cannot run on these inputs (too few regions to fit, no signal to calibrate on, a bad seed). */
public final class RiskModelException extends IllegalArgumentException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public RiskModelException(Message message) {
        super(message.english());
        this.message = message;
    }

    public static RiskModelException of(String key, Object... args) {
        return new RiskModelException(Message.of(key, args));
    }

    @Override
    public Message message() {
        return message;
    }
}
