package dev.fapiaoflow.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceRequestRepository extends JpaRepository<InvoiceRequest, Long> {

    List<InvoiceRequest> findByCustomerOrderByCreatedAtDesc(String customer);
}
