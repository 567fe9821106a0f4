package dev.fapiaoflow.issuance.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformSubmissionRepository extends JpaRepository<PlatformSubmission, String> {

    List<PlatformSubmission> findByRequestIdOrderByPartNo(long requestId);

    boolean existsByInvoiceId(Long invoiceId);
}
