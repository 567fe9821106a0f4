package dev.fapiaoflow.dispute.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeRepository extends JpaRepository<Dispute, Long> {

    boolean existsByOpenInvoiceId(long invoiceId);

    Optional<Dispute> findByOpenInvoiceId(long invoiceId);

    List<Dispute> findByCustomerOrderByCreatedAtDesc(String customer);

    List<Dispute> findByInvoiceIdOrderByCreatedAtDesc(long invoiceId);

    List<Dispute> findAllByOrderByCreatedAtDesc();
}
