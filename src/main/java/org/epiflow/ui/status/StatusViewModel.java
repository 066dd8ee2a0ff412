package org.epiflow.ui.status;

import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.epiflow.bundle.OpenedBundle;
import org.epiflow.model.BundleInfo;
import org.epiflow.ui.i18n.Messages;
import org.epiflow.ui.unlock.Session;

/** The status bar's texts: who is unlocked, which bundle is shown, whether the workstation is locked. */
public final class StatusViewModel {
    private final StringBinding officer;
    private final StringBinding bundle;
    private final StringBinding lockState;

    public StatusViewModel(Messages m, ObservableValue<Session> session, ObservableValue<OpenedBundle> current) {
        officer = m.bind(() -> session.getValue() == null ? m.get("status.noOfficer")
                : m.get("status.officer", session.getValue().keyId()), session);
        bundle = m.bind(() -> {
            OpenedBundle b = current.getValue();
            if (b == null) {
                return m.get("status.noBundle");
            }
            BundleInfo i = b.data().info();
            return m.get("status.bundle", i.issuer(), i.period().start(), i.period().end(), i.k(),
                    b.fingerprint());
        }, current);
        lockState = m.bind(() -> m.get(session.getValue() == null ? "status.locked"
                : "status.unlocked"), session);
    }

    public StringBinding officerProperty() {
        return officer;
    }

    public StringBinding bundleProperty() {
        return bundle;
    }

    public StringBinding lockStateProperty() {
        return lockState;
    }
}
