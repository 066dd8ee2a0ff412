package org.epiflow.data.audit;

import org.epiflow.text.Message;

import java.util.HexFormat;

/**
 * The result of checking the audit chain, in full ({@link AuditLog#verify()}) or from the last checkpoint
 * ({@link AuditLog#verifySinceCheckpoint()}).
 *
 * @param entries     entries read and checked
 * @param firstBadSeq sequence number of the first entry that fails (or where one is missing), or -1 when all pass
 * @param problem     why it fails (null when all pass)
 * @param headSeq     sequence number of the last entry
 * @param headHash    hash of the last entry (32 zero bytes for an empty log): write it down to anchor the chain
 * @param full        whether every entry was checked (false: only those after the last checkpoint)
 */
public record AuditVerification(long entries, long firstBadSeq, Message problem, long headSeq, byte[] headHash,
                                boolean full) {
    public boolean ok() {
        return problem == null;
    }

    public String headHashHex() {
        return HexFormat.of().formatHex(headHash);
    }

    /** The problem in English (null when all pass), for logs and reports. */
    public String problemText() {
        return problem == null ? null : problem.english();
    }

    /** One line for people: OK with the count and head, or the first bad entry and why. */
    public Message message() {
        if (ok()) {
            return Message.of(full ? "data.audit.summary.ok" : "data.audit.summary.okSince", entries, headSeq,
                    headHashHex());
        }
        return Message.of("data.audit.summary.bad", firstBadSeq, problem);
    }

    /** {@link #message()} in English. */
    public String summary() {
        return message().english();
    }
}
