package dev.fapiaoflow.issuance;

/** An issued invoice's document as it is attached to an e-mail: {@code <number>.pdf}. */
public record InvoiceAttachment(long invoiceId, String number, String fileName, String contentType, byte[] content) {
}
