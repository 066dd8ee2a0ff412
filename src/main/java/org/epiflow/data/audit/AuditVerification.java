package org.epiflow.data.audit;

import java.util.HexFormat;

/**
 * The result of checking the whole audit chain.
 *
 * @param entries     entries read
 * @param firstBadSeq sequence number of the first entry that fails (or where one is missing), or -1 when all pass
 * @param problem     why it fails, in words (null when all pass)
 * @param headSeq     sequence number of the last entry
 * @param headHash    hash of the last entry (32 zero bytes for an empty log): write it down to anchor the chain
 */
public record AuditVerification(long entries, long firstBadSeq, String problem, long headSeq, byte[] headHash) {
    public boolean ok() {
        return problem == null;
    }

    public String headHashHex() {
        return HexFormat.of().formatHex(headHash);
    }

    /** One line for people: "OK: 12 entries, head …" or "BAD at entry 7: …". */
    public String summary() {
        if (ok()) {
            return "OK: " + entries + (entries == 1 ? " entry" : " entries") + " verified; head #" + headSeq + " "
                    + headHashHex();
        }
        return "BAD: first bad entry #" + firstBadSeq + ": " + problem;
    }
}
