package dev.fapiaoflow.audit;

import java.time.Instant;

/**
 * One link of the audit chain. {@code hash} is the keyed MAC ({@link ChainMac}, {@code mac:…}) of {@link #keyedForm()},
 * which includes the previous entry's hash, so changing or removing an entry breaks every check from there on, and
 * nobody without the audit key can write a replacement that verifies. Entries chained before the keyed format
 * (issue 16) keep their plain SHA-256 of {@link #canonicalForm()}; the first keyed entry links to the last of them.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String objectType, String objectId,
        String remoteAddress, String details, String prevHash, String hash) {

    /** the hash of the (virtual) entry before the first */
    public static final String GENESIS = "0".repeat(64);

    /** Length-prefixed fields, so no choice of values can make two different entries read the same. */
    public String canonicalForm() {
        return form("fapiaoflow-audit-v1");
    }

    /** What the MAC covers: the same fields under another name, so a v1 text is never taken for a keyed one. */
    public String keyedForm() {
        return form("fapiaoflow-audit-v2");
    }

    private String form(String version) {
        StringBuilder out = new StringBuilder(version);
        for (String field : new String[] {Long.toString(seq), occurredAt.toString(), actor, action, objectType, objectId,
                remoteAddress, details, prevHash}) {
            if (field == null) {
                out.append("|-");
            } else {
                out.append('|').append(field.length()).append(':').append(field);
            }
        }
        return out.toString();
    }

    /** the plain SHA-256 of the chain before the keyed format; checked for those entries only */
    public String computeHash() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public AuditEntry withMac(ChainMac mac) {
        return new AuditEntry(seq, occurredAt, actor, action, objectType, objectId, remoteAddress, details, prevHash,
                mac.tag(keyedForm()));
    }

    /** Whether {@code hash} is this entry's MAC (a keyed entry) or its SHA-256 (an entry from before). */
    public boolean hashMatches(ChainMac mac) {
        return ChainMac.isKeyed(hash) ? mac.verifies(keyedForm(), hash) : computeHash().equals(hash);
    }

    /** this entry with the plain SHA-256 of the format before the keyed chain (anyone can compute it) */
    public AuditEntry withHash() {
        return new AuditEntry(seq, occurredAt, actor, action, objectType, objectId, remoteAddress, details, prevHash, computeHash());
    }
}
