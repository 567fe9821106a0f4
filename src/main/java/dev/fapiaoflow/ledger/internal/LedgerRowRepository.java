package dev.fapiaoflow.ledger.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerRowRepository extends JpaRepository<LedgerRow, Long> {

    Optional<LedgerRow> findFirstByDocumentSha256OrderBySeqAsc(String documentSha256);

    List<LedgerRow> findBySeqGreaterThanAndSeqLessThanEqualOrderBySeqAsc(long afterSeq, long upToSeq, Pageable page);
}
