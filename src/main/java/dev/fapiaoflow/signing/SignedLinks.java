package dev.fapiaoflow.signing;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.signing.internal.SigningProperties;

/**
 * The second QR code of an invoice face: a link to the public verification page carrying the invoice's number,
 * issue date and 价税合计 ({@code q=<number>,<yyyy-MM-dd>,<total>}) and the school's ECDSA signature of exactly
 * that text ({@code s=}, base64url of the DER signature). The page checks the signature and verifies at once; the
 * offline command checks it with the public key alone.
 */
@Component
public class SignedLinks {

    private final SigningKey key;
    private final String verifyUrl;

    SignedLinks(SigningKey key, SigningProperties properties) {
        this.key = key;
        this.verifyUrl = properties.verifyUrl();
    }

    /** The facts a signed link vouches for. */
    public record LinkedInvoice(String number, LocalDate issueDate, BigDecimal totalAmount) {

        public String payload() {
            return number + "," + issueDate + "," + totalAmount.setScale(2).toPlainString();
        }
    }

    public String signature(LinkedInvoice invoice) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(invoice.payload().getBytes(StandardCharsets.UTF_8)));
    }

    public String link(LinkedInvoice invoice) {
        return verifyUrl + "?q=" + URLEncoder.encode(invoice.payload(), StandardCharsets.UTF_8) + "&s=" + signature(invoice);
    }

    /** The invoice a link's {@code q} and {@code s} vouch for, if the signature is ours and the text well-formed. */
    public Optional<LinkedInvoice> check(String payload, String signature) {
        if (payload == null || signature == null) {
            return Optional.empty();
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (!key.verify(payload.getBytes(StandardCharsets.UTF_8), signatureBytes)) {
            return Optional.empty();
        }
        String[] fields = payload.split(",", -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkedInvoice(fields[0], LocalDate.parse(fields[1]), new BigDecimal(fields[2])));
        } catch (DateTimeParseException | NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
