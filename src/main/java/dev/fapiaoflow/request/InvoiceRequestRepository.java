package dev.fapiaoflow.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvoiceRequestRepository extends JpaRepository<InvoiceRequest, Long> {

    List<InvoiceRequest> findByCustomerOrderByCreatedAtDesc(String customer);

    /** requests the customer made before this one */
    long countByCustomerAndIdLessThan(String customer, Long id);

    @Query("select count(distinct r.customer) from InvoiceRequest r where r.buyerTaxIdIndex = :index")
    long countCustomersUsingTaxId(@Param("index") String taxIdIndex);
}
