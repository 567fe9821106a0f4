package dev.fapiaoflow.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    Optional<OutboxMail> findFirstByRequestIdAndKindOrderByIdDesc(Long requestId, MailKind kind);

    List<OutboxMail> findAllByOrderByIdDesc(Pageable page);
}
