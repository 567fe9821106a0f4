package dev.fapiaoflow.buyer;

import java.util.Optional;
import dev.fapiaoflow.shared.Texts;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, a registration-authority code, an organisation-type
 * code, a 6-digit administrative-division code, a 9-character organisation code and a mod-31 check character.
 * Holds only normalised, valid codes.
 */
public record UnifiedSocialCreditCode(String value) {

    public static final int LENGTH = 18;

    /** The standard's 31 characters; I, O, Z, S and V are left out because they read like 1, 0, 2, 5 and U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Registration authorities: 1-9 (机构编制 … 工商), A (中央军委改革和编制办公室), N (农业), Y (其他). */
    private static final String AUTHORITIES = "123456789ANY";

    public UnifiedSocialCreditCode {
        String problem = problem(value).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Trims, drops inner spaces and upper-cases, then checks. */
    public static UnifiedSocialCreditCode of(String raw) {
        return new UnifiedSocialCreditCode(TaxIds.normalise(raw));
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /**
     * Why {@code code} (already normalised) is not a valid code, in the customer's language; empty if valid.
     */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of(Texts.of("taxId.uscc.length"));
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Texts.of("taxId.uscc.character", String.valueOf(code.charAt(i))));
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Optional.of(Texts.of("taxId.uscc.authority"));
        }
        // every organisation-type code in the standard's tables is a digit 1-9
        if (code.charAt(1) < '1' || code.charAt(1) > '9') {
            return Optional.of(Texts.of("taxId.uscc.kind"));
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(Texts.of("taxId.uscc.region"));
            }
        }
        if (code.charAt(LENGTH - 1) != checkCharacter(code.substring(0, LENGTH - 1))) {
            return Optional.of(Texts.of("taxId.uscc.check"));
        }
        return Optional.empty();
    }

    /**
     * The check character for the first 17 characters: 31 − (Σ value × weight mod 31), where 31 becomes 0.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need the first 17 characters of a credit code");
        }
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is outside the credit-code alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
