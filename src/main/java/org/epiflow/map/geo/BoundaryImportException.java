package org.epiflow.map.geo;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/**
 * A boundary file could not be imported. The message is meant for the analyst, in words decided by the UI or the
 * command line ({@code boundary.*} in the map catalogue): it names the file and the problem (missing .dbf,
 * unsupported CRS with its WKT name, the feature whose geometry is broken, the fields that do exist when the code
 * field is wrong, duplicate codes, …). {@link #getMessage()} is the English text.
 */
public class BoundaryImportException extends Exception implements Localized {

    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public BoundaryImportException(Message message) {
        super(message.english());
        this.message = message;
    }

    public BoundaryImportException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
