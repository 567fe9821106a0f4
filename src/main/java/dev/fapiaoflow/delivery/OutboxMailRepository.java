package dev.fapiaoflow.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    Optional<OutboxMail> findFirstByRequestIdAndKindOrderByIdDesc(Long requestId, MailKind kind);

    List<OutboxMail> findAllByOrderByIdDesc(Pageable page);

    /** 1 when this caller now holds the mail until {@code until}; 0 when it was sent or another holds it. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update OutboxMail m set m.claimedUntil = :until where m.id = :id"
            + " and m.status <> dev.fapiaoflow.delivery.OutboxStatus.SENT and (m.claimedUntil is null or m.claimedUntil < :now)")
    int claim(@org.springframework.data.repository.query.Param("id") long id,
            @org.springframework.data.repository.query.Param("now") java.time.Instant now,
            @org.springframework.data.repository.query.Param("until") java.time.Instant until);
}
