package dev.fapiaoflow.buyer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.fapiaoflow.shared.Texts;

/**
 * Which taxpayer identification numbers (纳税人识别号) are accepted. Since 2015 organisations use the
 * 18-character unified social credit code, which is checked fully; older 15-, 17- and 20-character numbers
 * are still in use and have no public check rule, so they are accepted by format only.
 */
public final class TaxIds {

    private static final Pattern LEGACY = Pattern.compile("[0-9A-Z]{15}|[0-9A-Z]{17}|[0-9A-Z]{20}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    private TaxIds() {
    }

    /**
     * Removes spaces anywhere (customers copy IDs in groups of four) and upper-cases; blank becomes null.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** Why the tax ID (raw or normalised) is refused, in the customer's language; empty if accepted. */
    public static Optional<String> problem(String raw) {
        String taxId = normalise(raw);
        if (taxId == null) {
            return Optional.of(Texts.of("taxId.required"));
        }
        if (taxId.length() == UnifiedSocialCreditCode.LENGTH) {
            return UnifiedSocialCreditCode.problem(taxId);
        }
        if (taxId.length() != 15 && taxId.length() != 17 && taxId.length() != 20) {
            return Optional.of(Texts.of("taxId.length"));
        }
        if (!LEGACY.matcher(taxId).matches()) {
            return Optional.of(Texts.of("taxId.characters"));
        }
        return Optional.empty();
    }
}
