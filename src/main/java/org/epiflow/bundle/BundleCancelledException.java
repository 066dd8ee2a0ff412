package org.epiflow.bundle;

/** Opening was cancelled by the user; nothing was kept. */
public class BundleCancelledException extends BundleException {
    private static final long serialVersionUID = 1L;

    public BundleCancelledException() {
        super(BundleCheck.CONTAINER, "opening was cancelled");
    }

    @Override
    public String userMessage() {
        return "Opening was cancelled; nothing was loaded.";
    }
}
