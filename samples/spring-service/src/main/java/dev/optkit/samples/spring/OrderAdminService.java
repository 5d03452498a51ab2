package dev.optkit.samples.spring;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A transactional writer: what it changes is visible to others only after the commit. */
@Service
public class OrderAdminService {

    private final JdbcTemplate jdbcTemplate;

    public OrderAdminService(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Transactional
    public int cancelPendingOrders(long customerId) {
        return jdbcTemplate.update(
                "UPDATE purchase_order SET status = 'CANCELLED' WHERE customer_id = ? AND status = 'PENDING'", customerId);
    }

    /** One audit row per order: a statement per element, which optkit migrate runs as JDBC batches. */
    @Transactional
    public int audit(List<Long> orderIds, String action) {
        int written = 0;
        for (Long orderId : orderIds) {
            jdbcTemplate.update("INSERT INTO order_audit (order_id, action) VALUES (?, ?)", orderId, action);
            written++;
        }
        return written;
    }
}
