package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.issuance.InvoiceMedium;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.RedLetterApplication;

/** What we ask the platform for, in its port's terms: the order of an invoice, the red-letter application of one. */
final class PlatformOrders {

    private PlatformOrders() {
    }

    static PlatformOrder.Kind kind(InvoiceType type) {
        return type == InvoiceType.SPECIAL ? PlatformOrder.Kind.SPECIAL : PlatformOrder.Kind.ORDINARY;
    }

    /** the seller block: {@code address} holds "地址 电话" as printed; its last word is the phone when it looks like one */
    static PlatformOrder.Seller seller(SellerProperties seller) {
        String address = seller.address() == null ? "" : seller.address().strip();
        String phone = "";
        int space = address.lastIndexOf(' ');
        if (space > 0 && address.substring(space + 1).matches("[0-9()+-]{7,20}")) {
            phone = address.substring(space + 1);
            address = address.substring(0, space).strip();
        }
        return new PlatformOrder.Seller(seller.name(), seller.taxId(), address, phone, seller.bank(), seller.issuer(),
                seller.taxpayerStatus() == TaxpayerKind.SMALL_SCALE);
    }

    static PlatformOrder.Buyer buyer(BuyerDetails buyer) {
        String bank = String.join(" ", nonBlank(buyer.bankName()), nonBlank(buyer.bankAccount())).strip();
        return new PlatformOrder.Buyer(buyer.title(), buyer.taxId(), buyer.address(), buyer.phone(), bank, buyer.email());
    }

    static PlatformOrder fromTaxLines(String serial, Instant orderedAt, InvoiceType type, BuyerDetails buyer, String remarks,
            boolean paper, List<TaxLine> part, SellerProperties seller) {
        List<PlatformOrder.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (TaxLine line : part) {
            lines.add(new PlatformOrder.Line(line.itemName(), line.taxCode(), null, line.quantity(), line.unitPrice(),
                    line.taxRate(), line.amount().net(), line.amount().tax(), line.amount().gross()));
            total = total.add(line.amount().gross());
        }
        return new PlatformOrder(serial, kind(type), orderedAt, seller(seller), buyer(buyer), remarks, lines, total, paper);
    }

    static PlatformOrder fromInvoice(String serial, Instant orderedAt, Invoice candidate, SellerProperties seller) {
        List<PlatformOrder.Line> lines = candidate.lines().stream().map(line -> new PlatformOrder.Line(line.itemName(),
                line.taxCode(), line.unit(), line.quantity(), line.unitPrice(), line.taxRate(), line.netAmount(),
                line.taxAmount(), line.netAmount().add(line.taxAmount()))).toList();
        return new PlatformOrder(serial, kind(candidate.type()), orderedAt, seller(seller), buyer(candidate.buyer()),
                candidate.remarks(), lines, candidate.totalAmount());
    }

    static RedLetterApplication.RedReason reason(RedLetterReason reason) {
        return switch (reason) {
            case ISSUED_IN_ERROR -> RedLetterApplication.RedReason.ISSUED_IN_ERROR;
            case SALES_RETURN -> RedLetterApplication.RedReason.SALES_RETURN;
            case SERVICE_TERMINATED -> RedLetterApplication.RedReason.SERVICE_TERMINATED;
            case SALES_ALLOWANCE -> RedLetterApplication.RedReason.SALES_ALLOWANCE;
        };
    }

    /**
     * The red-letter application reversing {@code red} (as it will be stored) of {@code original}: no lines for a whole
     * reversal, else each red line against the blue line it reverses (the first not yet matched of the same item and
     * rate, 1-based in the blue invoice's order).
     */
    static RedLetterApplication redApplication(String billId, String redSerial, Invoice original, Invoice red, boolean whole,
            RedLetterReason reason, SellerProperties seller) {
        List<RedLetterApplication.Line> lines = new ArrayList<>();
        if (!whole) {
            Set<Integer> used = new HashSet<>();
            for (InvoiceLine line : red.lines()) {
                int blueNo = 0;
                for (int i = 0; i < original.lines().size(); i++) {
                    InvoiceLine blue = original.lines().get(i);
                    if (!used.contains(i) && blue.itemName().equals(line.itemName()) && blue.taxRate().compareTo(line.taxRate()) == 0) {
                        used.add(i);
                        blueNo = i + 1;
                        break;
                    }
                }
                lines.add(new RedLetterApplication.Line(blueNo, line.itemName(), line.taxCode(), line.taxRate(),
                        line.netAmount(), line.taxAmount()));
            }
        }
        return new RedLetterApplication(billId, redSerial, kind(original.type()), original.medium() == InvoiceMedium.PAPER,
                original.number(), seller(seller),
                original.buyer().title(), original.buyer().taxId(), reason(reason), lines);
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.strip();
    }
}
