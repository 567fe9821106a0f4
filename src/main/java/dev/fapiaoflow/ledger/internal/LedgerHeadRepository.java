package dev.fapiaoflow.ledger.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface LedgerHeadRepository extends JpaRepository<LedgerHead, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from LedgerHead h where h.id = " + LedgerHead.ID)
    Optional<LedgerHead> lockHead();
}
