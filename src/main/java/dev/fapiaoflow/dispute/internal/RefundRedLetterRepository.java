package dev.fapiaoflow.dispute.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RefundRedLetterRepository extends JpaRepository<RefundRedLetter, Long> {

    boolean existsByOrderNoAndRefundedTotal(String orderNo, BigDecimal refundedTotal);

    List<RefundRedLetter> findByOrderNoOrderById(String orderNo);

    boolean existsByRequestIdAndStatus(long requestId, RefundRedLetter.Status status);
}
