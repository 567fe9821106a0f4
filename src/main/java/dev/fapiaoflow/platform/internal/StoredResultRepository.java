package dev.fapiaoflow.platform.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StoredResultRepository extends JpaRepository<StoredResult, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from StoredResult r where r.serial = :serial")
    Optional<StoredResult> lock(String serial);
}
