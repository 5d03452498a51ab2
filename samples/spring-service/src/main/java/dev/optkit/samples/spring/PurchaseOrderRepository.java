package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface PurchaseOrderRepository extends ListCrudRepository<PurchaseOrder, Long> {

    List<PurchaseOrder> findByCustomerId(long customerId);

    List<PurchaseOrder> findByCustomerIdAndStatusOrderById(long customerId, String status);

    @Query("SELECT * FROM purchase_order WHERE customer_id = :customerId AND amount >= :minAmount ORDER BY amount DESC")
    List<PurchaseOrder> findLargeOrders(@Param("customerId") long customerId, @Param("minAmount") BigDecimal minAmount);
}
