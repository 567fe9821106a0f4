package dev.fapiaoflow.audit;

import java.time.Instant;

/**
 * One link of the audit chain. {@code hash} is SHA-256 over {@link #canonicalForm()}, which includes the previous
 * entry's hash, so changing or removing an entry breaks every check from there on.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String objectType, String objectId,
        String remoteAddress, String details, String prevHash, String hash) {

    /** the hash of the (virtual) entry before the first */
    public static final String GENESIS = "0".repeat(64);

    /** Length-prefixed fields, so no choice of values can make two different entries read the same. */
    public String canonicalForm() {
        StringBuilder out = new StringBuilder("fapiaoflow-audit-v1");
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

    public String computeHash() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public AuditEntry withHash() {
        return new AuditEntry(seq, occurredAt, actor, action, objectType, objectId, remoteAddress, details, prevHash, computeHash());
    }
}
