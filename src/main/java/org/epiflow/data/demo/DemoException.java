package org.epiflow.data.demo;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

import java.io.IOException;

/** The demo could not be made; {@link #message()} says why, in words decided by the app or the command line. */
public class DemoException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public DemoException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
