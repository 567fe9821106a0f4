package dev.fapiaoflow.dispute.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DisputeRepository extends JpaRepository<Dispute, Long> {

    boolean existsByOpenInvoiceId(long invoiceId);

    Optional<Dispute> findByOpenInvoiceId(long invoiceId);

    List<Dispute> findByCustomerOrderByCreatedAtDesc(String customer);

    List<Dispute> findByInvoiceIdOrderByCreatedAtDesc(long invoiceId);

    List<Dispute> findAllByOrderByCreatedAtDesc();

    @Query("select distinct d.invoiceId from Dispute d")
    Set<Long> findDisputedInvoiceIds();
}
