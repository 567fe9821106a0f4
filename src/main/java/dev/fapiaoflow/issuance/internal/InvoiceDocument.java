package dev.fapiaoflow.issuance.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.hibernate.Length;

/**
 * A rendered document of an invoice (PDF now, OFD later), kept in the database so every node serves the
 * same bytes; the SHA-256 lets verification and the ledger prove it was not altered.
 */
@Entity
@Table(name = "invoice_document")
public class InvoiceDocument {

    public static final String PDF = "PDF";
    public static final String OFD = "OFD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long invoiceId;
    private String format;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(length = Length.LONG32) // LONGBLOB on MySQL, BLOB on H2
    private byte[] content;
    private String sha256;
    private Instant createdAt;

    protected InvoiceDocument() {
    }

    public InvoiceDocument(Long invoiceId, String format, byte[] content, Instant createdAt) {
        this.invoiceId = invoiceId;
        this.format = format;
        this.content = content.clone();
        this.sha256 = sha256(content);
        this.createdAt = createdAt;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public Long invoiceId() { return invoiceId; }
    public String format() { return format; }
    public byte[] content() { return content.clone(); }
    public String sha256() { return sha256; }
}
