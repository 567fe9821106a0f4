package dev.fapiaoflow.buyer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface BuyerProfileRepository extends ListCrudRepository<BuyerProfile, Long> {

    List<BuyerProfile> findByOwnerOrderByCreatedAtDescIdDesc(String owner);

    Optional<BuyerProfile> findByIdAndOwner(Long id, String owner);
}
