package dev.fapiaoflow.periodic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PeriodicSubscriptionRepository extends JpaRepository<PeriodicSubscription, String> {

    @Query("select s.customer from PeriodicSubscription s order by s.customer")
    List<String> findAllCustomers();
}
