package dev.fapiaoflow.dispute.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.BuyerValidation;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.dispute.DisputeReason;
import dev.fapiaoflow.dispute.RaiseDisputeCommand;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/**
 * What a customer may ask for when raising a dispute on one invoice: a reason, a short description, a corrected buyer
 * where the reason needs one (and only one that would print differently), another invoice type only when the type
 * was wrong and the new type may be issued for this buyer and amount. Every broken rule is reported at once.
 */
@Component
public class RaiseDisputeValidation {

    static final int DESCRIPTION_MAX = 500;

    private final IssuanceService issuance;

    RaiseDisputeValidation(IssuanceService issuance) {
        this.issuance = issuance;
    }

    /** @return the corrected buyer to re-issue to, normalised, or null when the printed one stays */
    public BuyerDetails validate(InvoiceFacts invoice, RaiseDisputeCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.reason() == null) {
            errors.add(new FieldError("reason", Texts.of("dispute.reason.required")));
        }
        String description = command == null ? null : command.description();
        if (description == null || description.isBlank()) {
            errors.add(new FieldError("description", Texts.of("dispute.description.required")));
        } else if (description.strip().codePointCount(0, description.strip().length()) > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", Texts.of("dispute.description.length", DESCRIPTION_MAX)));
        }
        InvoiceType printedType = invoice.type();
        InvoiceType wantedType = command == null ? null : command.invoiceType();
        boolean wrongType = command != null && command.reason() == DisputeReason.WRONG_TYPE;
        if (wrongType && wantedType == null) {
            errors.add(new FieldError("invoiceType", Texts.of("dispute.invoiceType.required")));
        } else if (wrongType && wantedType == printedType) {
            errors.add(new FieldError("invoiceType", Texts.of("dispute.invoiceType.same")));
        } else if (!wrongType && wantedType != null) {
            errors.add(new FieldError("invoiceType", Texts.of("dispute.invoiceType.onlyForWrongType")));
        }
        InvoiceType reissueType = wrongType && wantedType != null ? wantedType : printedType;
        BuyerDetails corrected = null;
        if (command != null && command.correction() != null) {
            corrected = merge(invoice.buyer(), command.correction());
            errors.addAll(reissueType == InvoiceType.SPECIAL
                    ? BuyerValidation.validateForSpecialInvoice(corrected, "correction")
                    : BuyerValidation.validate(corrected, "correction"));
            if (errors.isEmpty() && !wrongType && samePrinted(corrected, invoice.buyer())) {
                errors.add(new FieldError("correction", Texts.of("dispute.correction.same")));
            }
        } else if (command != null && command.reason() != null && command.reason().needsCorrection()) {
            errors.add(new FieldError("correction", Texts.of("dispute.correction.required")));
        } else if (wrongType && reissueType == InvoiceType.SPECIAL) {
            // the printed buyer of a normal invoice often lacks address and bank: then the customer adds them
            errors.addAll(BuyerValidation.validateForSpecialInvoice(invoice.buyer(), "correction"));
        }
        if (wrongType && wantedType != null && wantedType != printedType
                && !issuance.fitsOneInvoice(wantedType, invoice.totalAmount())) {
            errors.add(new FieldError("invoiceType", Texts.of("dispute.invoiceType.overLimit")));
        }
        if (wrongType && reissueType == InvoiceType.SPECIAL) {
            errors.addAll(specialBuyerErrors(corrected != null ? corrected : invoice.buyer(), command.correction()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return corrected == null ? null : corrected.normalised();
    }

    /**
     * 专票 only for an enterprise that is a general VAT taxpayer: the title must be an organisation's, and a taxpayer
     * kind the customer states must be GENERAL (the printed invoice does not keep it).
     */
    private static List<FieldError> specialBuyerErrors(BuyerDetails buyer, BuyerDetails stated) {
        List<FieldError> errors = new ArrayList<>();
        if (buyer.buyerType() != BuyerType.ENTERPRISE) {
            errors.add(new FieldError("invoiceType", Texts.of("dispute.invoiceType.specialForEnterprises")));
        }
        if (stated != null && stated.taxpayerKind() != null && stated.taxpayerKind() != TaxpayerKind.GENERAL) {
            errors.add(new FieldError("correction.taxpayerKind", Texts.of("dispute.taxpayerKind.specialForGeneral")));
        }
        return errors;
    }

    /** the printed buyer with every field the customer sent replacing the printed one */
    static BuyerDetails merge(BuyerDetails printed, BuyerDetails changes) {
        BuyerDetails c = changes;
        return new BuyerDetails(c.buyerType() != null ? c.buyerType() : printed.buyerType(),
                c.title() != null ? c.title() : printed.title(),
                c.taxId() != null ? c.taxId() : printed.taxId(),
                c.address() != null ? c.address() : printed.address(),
                c.phone() != null ? c.phone() : printed.phone(),
                c.bankName() != null ? c.bankName() : printed.bankName(),
                c.bankAccount() != null ? c.bankAccount() : printed.bankAccount(),
                null, printed.taxpayerKind());
    }

    /** whether the corrected buyer prints exactly as the invoice does (e-mail and taxpayer kind are not printed) */
    private static boolean samePrinted(BuyerDetails corrected, BuyerDetails printed) {
        return printedFields(corrected).equals(printedFields(printed));
    }

    private static List<Object> printedFields(BuyerDetails buyer) {
        BuyerDetails b = buyer.normalised();
        return Arrays.asList(b.buyerType(), b.title(), b.taxId(), b.address(), b.phone(), b.bankName(), b.bankAccount());
    }
}
