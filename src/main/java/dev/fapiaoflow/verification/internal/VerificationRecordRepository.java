package dev.fapiaoflow.verification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.fapiaoflow.verification.VerificationResult;

public interface VerificationRecordRepository extends JpaRepository<VerificationRecord, Long> {

    long countByNumberAndCheckDayAndResult(String number, LocalDate checkDay, VerificationResult result);

    /**
     * One client's answers of a kind for the number on the day: the per-client lock counts its own MISMATCHes. A query
     * string, not a derived query: Spring Data builds a derived query's criteria tree anew for every call and Hibernate
     * translates it again, while a query string's plan is cached (on every single check: bench/verify.sh, JFR).
     */
    @Query("select count(r) from VerificationRecord r"
            + " where r.number = ?1 and r.checkDay = ?2 and r.result = ?3 and r.clientId = ?4")
    long countByNumberAndCheckDayAndResultAndClientId(String number, LocalDate checkDay, VerificationResult result,
            String clientId);

    /** Distinct verifying parties (a user, or an address for anonymous callers) that got a MATCH. */
    @Query("select count(distinct r.clientId) from VerificationRecord r where r.number = ?1 and r.result = ?2")
    long countDistinctClients(String number, VerificationResult result);

    List<VerificationRecord> findByUserIdOrderByCheckedAtDescIdDesc(String userId, Pageable page);

    /** Distinct parties with a MATCH for the number, not counting the invoice's owner checking it. */
    @Query("select count(distinct r.clientId) from VerificationRecord r where r.number = ?1 and r.result = ?2 and r.clientId <> ?3")
    long countDistinctClientsOtherThan(String number, VerificationResult result, String ownerClientId);

    long countByNumberAndResultAndCheckedAtAfter(String number, VerificationResult result, Instant after);

    /** First and last MATCH, and the distinct parties that got one, for an invoice's timeline. */
    @Query("select min(r.checkedAt), max(r.checkedAt), count(distinct r.clientId) from VerificationRecord r where r.number = ?1 and r.result = ?2")
    List<Object[]> matchSummary(String number, VerificationResult result);

    /** Checks per Shanghai day and result in [from, to], for reports. */
    @Query("""
            select r.checkDay, r.result, count(r) from VerificationRecord r where r.checkDay between ?1 and ?2
            group by r.checkDay, r.result order by r.checkDay, r.result""")
    List<Object[]> countByDayAndResult(LocalDate from, LocalDate to);
}
