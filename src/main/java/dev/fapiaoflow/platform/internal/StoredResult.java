package dev.fapiaoflow.platform.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.platform.PlatformResult;

/** The latest word of the platform on one serial. ISSUED is final: later, older or contradicting answers are ignored. */
@Entity
@Table(name = "platform_result")
public class StoredResult {

    @Id
    private String serial;
    @Enumerated(EnumType.STRING)
    private PlatformResult.Status status;
    private String invoiceNumber;
    private String pdfUrl;
    private String ofdUrl;
    private BigDecimal totalAmount;
    private Instant issuedAt;
    private String message;
    private Instant receivedAt;
    @Version
    private long version;

    protected StoredResult() {
    }

    StoredResult(String serial) {
        this.serial = serial;
    }

    /** @return whether the answer changed what we knew */
    boolean update(PlatformResult result, Instant now) {
        if (status == PlatformResult.Status.ISSUED || (status == PlatformResult.Status.FAILED
                && result.status() == PlatformResult.Status.PROCESSING)) {
            return false;
        }
        status = result.status();
        invoiceNumber = result.invoiceNumber();
        pdfUrl = result.pdfUrl();
        ofdUrl = result.ofdUrl();
        totalAmount = result.totalAmount();
        issuedAt = result.issuedAt();
        message = result.message() == null ? null : result.message().substring(0, Math.min(500, result.message().length()));
        receivedAt = now;
        return true;
    }

    PlatformResult toResult() {
        return new PlatformResult(serial, status, invoiceNumber, pdfUrl, ofdUrl, totalAmount, issuedAt, message);
    }
}
