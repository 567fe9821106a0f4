package dev.fapiaoflow.issuance.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    List<Invoice> findByRequestIdOrderById(long requestId);

    Optional<Invoice> findByNumber(String number);

    /** The status alone: what a verification reads fresh when it knows the invoice's face data already. */
    @org.springframework.data.jpa.repository.Query("select i.status from Invoice i where i.number = ?1")
    Optional<dev.fapiaoflow.issuance.InvoiceStatus> findStatusByNumber(String number);

    List<Invoice> findByOwner(String owner, Pageable page);

    List<Invoice> findAllBy(Pageable page);

    List<Invoice> findByIdInOrOriginalInvoiceIdInOrReplacesInvoiceIdIn(java.util.Collection<Long> ids,
            java.util.Collection<Long> originalIds, java.util.Collection<Long> replacedIds, Pageable page);

    List<Invoice> findByOriginalInvoiceIdOrderById(long originalInvoiceId);

    Optional<Invoice> findByReplacesInvoiceId(long replacesInvoiceId);

    List<Invoice> findByIssueDateOrderById(java.time.LocalDate issueDate);

    /** invoices voided within [from, to) */
    @org.springframework.data.jpa.repository.Query("select distinct c.invoice from InvoiceStatusChange c"
            + " where c.status = dev.fapiaoflow.issuance.InvoiceStatus.VOIDED and c.changedAt >= :from and c.changedAt < :to")
    List<Invoice> findVoidedBetween(java.time.Instant from, java.time.Instant to);
}
