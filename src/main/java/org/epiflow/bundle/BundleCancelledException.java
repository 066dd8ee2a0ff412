package org.epiflow.bundle;

import org.epiflow.text.Message;

/** Opening was cancelled by the user; nothing was kept. */
public class BundleCancelledException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleCancelledException() {
        super(BundleCheck.CONTAINER, Message.of("bundle.cancelled"));
    }

    /** Not a refusal: just that nothing was loaded. */
    @Override
    public Message refusal() {
        return message();
    }
}
