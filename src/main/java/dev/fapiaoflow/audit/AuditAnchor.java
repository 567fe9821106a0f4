package dev.fapiaoflow.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chain's head at one moment, signed with the document-signing key and kept outside the database: entry
 * {@code seq} had {@code headMac}. One line of the anchor file: {@code <time> <seq> <head MAC> <signature>}, the
 * signature (ECDSA, base64) over {@link #statement()}. Whoever rewrites or cuts the chain at or before {@code seq},
 * even with the audit key, no longer matches the anchor; forging an anchor needs the signing key.
 */
public record AuditAnchor(Instant at, long seq, String headMac, String signature) {

    private static final Pattern MAC = Pattern.compile("mac:[0-9a-f]{10,200}");

    /** exactly what is signed */
    public String statement() {
        return "fapiaoflow-audit-anchor-v1|" + at + "|" + seq + "|" + headMac;
    }

    public String line() {
        return at + " " + seq + " " + headMac + " " + signature;
    }

    /** The anchor a line holds, if it has the four fields in their forms (the signature is not checked here). */
    public static Optional<AuditAnchor> parse(String line) {
        String[] fields = line.strip().split(" ");
        if (fields.length != 4 || !MAC.matcher(fields[2]).matches()) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(fields[1]);
            return seq < 1 ? Optional.empty() : Optional.of(new AuditAnchor(Instant.parse(fields[0]), seq, fields[2], fields[3]));
        } catch (NumberFormatException | DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}
