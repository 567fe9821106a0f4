package dev.fapiaoflow.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerOrderRepository extends JpaRepository<CustomerOrder, Long> {

    Optional<CustomerOrder> findByOrderNo(String orderNo);

    List<CustomerOrder> findByOrderNoIn(Collection<String> orderNos);

    List<CustomerOrder> findByCustomerOrderByPaidAtDesc(String customer);
}
