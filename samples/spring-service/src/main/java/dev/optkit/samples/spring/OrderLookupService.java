package dev.optkit.samples.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class OrderLookupService {

    private final PurchaseOrderRepository orders;

    public OrderLookupService(PurchaseOrderRepository orders) {
        this.orders = orders;
    }

    /** One line per id asked, in the order asked: an id asked twice is described twice, a missing one as missing. */
    public List<String> describeOrders(List<Long> orderIds) {
        List<String> described = new ArrayList<>(orderIds.size());
        for (Long id : orderIds) {
            Optional<PurchaseOrder> order = orders.findById(id);
            described.add(order.map(o -> o.getId() + " " + o.getStatus() + " " + o.getAmount() + " " + o.getCurrency())
                    .orElse(id + " missing"));
        }
        return described;
    }
}
