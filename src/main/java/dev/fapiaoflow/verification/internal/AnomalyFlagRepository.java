package dev.fapiaoflow.verification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import dev.fapiaoflow.verification.AnomalyKind;

public interface AnomalyFlagRepository extends JpaRepository<AnomalyFlag, Long>, JpaSpecificationExecutor<AnomalyFlag> {

    boolean existsByOpenKey(String openKey);

    /** The newest flag of the invoice and kind, open or not. */
    Optional<AnomalyFlag> findFirstByInvoiceIdAndKindOrderByRaisedAtDescIdDesc(long invoiceId, AnomalyKind kind);

    @Query("select coalesce(max(f.evidence), 0) from AnomalyFlag f where f.invoiceId = ?1 and f.kind = ?2")
    int maxEvidence(long invoiceId, AnomalyKind kind);

    /** More parties came while the flag was open: it shows the current count, never a smaller one. */
    @Modifying
    @Query("update AnomalyFlag f set f.evidence = ?2 where f.openKey = ?1 and f.evidence < ?2")
    int raiseEvidence(String openKey, int evidence);

    List<AnomalyFlag> findByInvoiceIdOrderByRaisedAtAscIdAsc(long invoiceId);

    /** Per kind: flags raised in [from, until) and how many of them are still open. */
    @Query("""
            select f.kind, count(f), sum(case when f.openKey is not null then 1 else 0 end) from AnomalyFlag f
            where f.raisedAt >= ?1 and f.raisedAt < ?2 group by f.kind""")
    List<Object[]> countByKind(Instant from, Instant until);

    /** Acknowledges the flag only if it is still open, so two people acknowledging at once cannot both succeed. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update AnomalyFlag f set f.openKey = null, f.acknowledgedAt = ?2, f.acknowledgedBy = ?3, f.note = ?4
            where f.id = ?1 and f.openKey is not null""")
    int acknowledge(long id, Instant at, String user, String note);
}
