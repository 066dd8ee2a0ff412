package org.epiflow.bundle;

import org.epiflow.text.Message;

import java.time.LocalDate;

/** The bundle's expiry date has passed. */
public class BundleExpiredException extends BundleException {
    private static final long serialVersionUID = 1L;

    /** The bundle's last day of use was {@code expired}; today is {@code today}. */
    public BundleExpiredException(LocalDate expired, LocalDate today) {
        super(BundleCheck.EXPIRY, Message.of("bundle.expiry.expired", expired.toString(), today.toString()));
    }
}
