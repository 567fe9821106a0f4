package dev.fapiaoflow.issuance.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceDocumentRepository extends JpaRepository<InvoiceDocument, Long> {

    Optional<InvoiceDocument> findByInvoiceIdAndFormat(long invoiceId, String format);
}
