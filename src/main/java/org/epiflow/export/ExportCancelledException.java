package org.epiflow.export;

import org.epiflow.text.Localized;
import org.epiflow.text.Message;

/** The export was cancelled by the user; nothing was written (the temporary file is removed). */
public final class ExportCancelledException extends RuntimeException implements Localized {
    public ExportCancelledException() {
        super(Message.of("export.cancelled").english());
    }

    @Override
    public Message message() {
        return Message.of("export.cancelled");
    }
}
