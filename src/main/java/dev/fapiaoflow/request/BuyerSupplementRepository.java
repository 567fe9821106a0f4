package dev.fapiaoflow.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BuyerSupplementRepository extends JpaRepository<BuyerSupplement, Long> {

    List<BuyerSupplement> findByRequestIdOrderBySuppliedAtAsc(Long requestId);
}
