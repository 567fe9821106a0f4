package dev.fapiaoflow.issuance.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvoiceNumberSequenceRepository extends JpaRepository<InvoiceNumberSequence, String> {

    /** SELECT … FOR UPDATE: other issuers of the same prefix wait until this transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from InvoiceNumberSequence s where s.prefix = :prefix")
    Optional<InvoiceNumberSequence> lock(@Param("prefix") String prefix);
}
