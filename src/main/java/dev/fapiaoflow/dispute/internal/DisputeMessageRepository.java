package dev.fapiaoflow.dispute.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeMessageRepository extends JpaRepository<DisputeMessage, Long> {

    List<DisputeMessage> findByDisputeIdOrderByCreatedAtAscIdAsc(long disputeId);
}
