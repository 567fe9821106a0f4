package dev.fapiaoflow.platform;

import java.math.BigDecimal;
import java.time.Instant;

/** What the platform says about one serial: still processing, issued (number, documents, total), or failed. */
public record PlatformResult(String serial, Status status, String invoiceNumber, String pdfUrl, String ofdUrl,
        BigDecimal totalAmount, Instant issuedAt, String message) {

    public enum Status { PROCESSING, ISSUED, FAILED }

    public boolean issued() {
        return status == Status.ISSUED;
    }
}
