package org.epiflow.bundle;

import org.epiflow.text.Message;

/**
 * Remembers the first problem of each kind found while a payload streams by, so that after the whole payload has
 * been read (and hashed) the problem of the earliest {@link BundleCheck} can be reported.
 */
final class ProblemLog {
    private BundleException signature;
    private BundleManifestException manifest;
    private AggregateRuleException aggregate;

    void signature(Message message) {
        if (signature == null) {
            signature = new BundleSignatureException(message);
        }
    }

    void manifest(Message message) {
        if (manifest == null) {
            manifest = new BundleManifestException(message);
        }
    }

    void aggregate(AggregateRuleException.Rule rule, Message message) {
        if (aggregate == null) {
            aggregate = new AggregateRuleException(rule, message);
        }
    }

    boolean hasAggregateProblem() {
        return aggregate != null;
    }

    /** Throws the problem of the earliest check among signature and manifest, if any. */
    void throwUpToManifest() throws BundleException {
        if (signature != null) {
            throw signature;
        }
        if (manifest != null) {
            throw manifest;
        }
    }

    /** Throws the aggregate-rule problem, if any. */
    void throwAggregate() throws AggregateRuleException {
        if (aggregate != null) {
            throw aggregate;
        }
    }
}
