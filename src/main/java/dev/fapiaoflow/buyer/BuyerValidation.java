package dev.fapiaoflow.buyer;

import java.util.ArrayList;
import java.util.List;

import dev.fapiaoflow.printing.PrintableText;
import dev.fapiaoflow.shared.FieldError;
import org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator;
import dev.fapiaoflow.shared.Texts;

/**
 * The buyer rules every feature applies (saved titles, requests, dispute corrections), among them that the invoice
 * fonts can print every character of what the invoice shows. Pure: it reads the
 * details after {@link BuyerDetails#normalised()} and reports every broken rule, with field names under
 * {@code fieldPrefix} (e.g. {@code buyer.taxId}) so API errors point at the JSON field the client sent.
 */
public final class BuyerValidation {

    private static final int TITLE_MIN = 2;
    private static final int TITLE_MAX = 100;

    private BuyerValidation() {
    }

    /** Rules for any invoice: a title, a tax ID for organisations, a well-formed e-mail, field lengths. */
    public static List<FieldError> validate(BuyerDetails buyer, String fieldPrefix) {
        Errors errors = new Errors(fieldPrefix);
        if (buyer == null) {
            errors.add("", Texts.of("buyer.required"));
            return errors.list;
        }
        BuyerDetails b = buyer.normalised();
        if (b.buyerType() == null) {
            errors.add("buyerType", Texts.of("buyer.buyerType.required"));
        }
        if (b.title() == null) {
            errors.add("title", Texts.of(b.buyerType() == BuyerType.PERSONAL ? "buyer.title.requiredPersonal" : "buyer.title.required"));
        } else if (length(b.title()) < TITLE_MIN || length(b.title()) > TITLE_MAX) {
            errors.add("title", Texts.of("buyer.title.length", TITLE_MIN, TITLE_MAX));
        }
        if (b.taxId() == null) {
            if (b.buyerType() == BuyerType.ENTERPRISE) {
                errors.add("taxId", Texts.of("buyer.taxId.requiredEnterprise"));
            }
        } else {
            TaxIds.problem(b.taxId()).ifPresent(message -> errors.add("taxId", message));
        }
        errors.maxLength("address", b.address(), 200);
        errors.maxLength("phone", b.phone(), 40);
        errors.maxLength("bankName", b.bankName(), 100);
        errors.maxLength("bankAccount", b.bankAccount(), 40);
        if (b.email() != null && !isEmail(b.email())) {
            errors.add("email", Texts.of("buyer.email.invalid"));
        }
        // what the invoice prints (the e-mail address is not printed)
        errors.printable("title", b.title());
        errors.printable("taxId", b.taxId());
        errors.printable("address", b.address());
        errors.printable("phone", b.phone());
        errors.printable("bankName", b.bankName());
        errors.printable("bankAccount", b.bankAccount());
        return errors.list;
    }

    /**
     * Rules for a 增值税专用发票, which must print the buyer's full details: everything in
     * {@link #validate} plus tax ID, address, phone, bank name and account. Whether the buyer may have one
     * at all (type, taxpayer kind) is the eligibility decision's business, not this one's.
     */
    public static List<FieldError> validateForSpecialInvoice(BuyerDetails buyer, String fieldPrefix) {
        List<FieldError> found = validate(buyer, fieldPrefix);
        if (buyer == null) {
            return found;
        }
        Errors errors = new Errors(fieldPrefix);
        errors.list.addAll(found);
        BuyerDetails b = buyer.normalised();
        if (b.taxId() == null && b.buyerType() != BuyerType.ENTERPRISE) {
            // for organisations validate() already asked for it
            errors.add("taxId", Texts.of("buyer.special.taxId"));
        }
        errors.required("address", b.address(), Texts.of("buyer.special.address"));
        errors.required("phone", b.phone(), Texts.of("buyer.special.phone"));
        errors.required("bankName", b.bankName(), Texts.of("buyer.special.bankName"));
        errors.required("bankAccount", b.bankAccount(), Texts.of("buyer.special.bankAccount"));
        return errors.list;
    }

    /**
     * Bean Validation's {@code @Email} semantics from Hibernate Validator (its validator ignores the context),
     * plus a dot in the domain: invoices go out over the internet, so {@code alice@localhost} is a typo.
     */
    private static boolean isEmail(String email) {
        int at = email.lastIndexOf('@');
        return new EmailValidator().isValid(email, null) && at > 0 && email.indexOf('.', at) > at + 1
                && !email.endsWith(".");
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Collects errors under the prefix. */
    private static final class Errors {
        private final String prefix;
        private final List<FieldError> list = new ArrayList<>();

        Errors(String prefix) {
            this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        }

        void add(String field, String message) {
            String name = field.isEmpty() ? prefix.replaceAll("\\.$", "") : prefix + field;
            list.add(new FieldError(name, message));
        }

        void required(String field, String value, String message) {
            if (value == null) {
                add(field, message);
            }
        }

        /** A character the invoice fonts cannot draw would print as an empty box: the first one is named. */
        void printable(String field, String value) {
            PrintableText.problem(value).ifPresent(message -> add(field, message));
        }

        void maxLength(String field, String value, int max) {
            if (value != null && length(value) > max) {
                add(field, Texts.of("field.maxLength", max));
            }
        }
    }
}
