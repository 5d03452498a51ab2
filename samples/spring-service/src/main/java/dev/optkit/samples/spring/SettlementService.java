package dev.optkit.samples.spring;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SettlementService {

    private final PurchaseOrderRepository orders;
    private final ExchangeRateService exchangeRates;
    private final LoyaltyService loyalty;

    public SettlementService(PurchaseOrderRepository orders, ExchangeRateService exchangeRates,
                             LoyaltyService loyalty) {
        this.orders = orders;
        this.exchangeRates = exchangeRates;
        this.loyalty = loyalty;
    }

    @Transactional
    public int settlePendingOrders(long customerId) {
        List<PurchaseOrder> pending = orders.findByCustomerIdAndStatusOrderById(customerId, PurchaseOrder.PENDING);
        for (PurchaseOrder order : pending) {
            BigDecimal amountEur = exchangeRates.toBaseCurrency(order.getAmount(), order.getCurrency());
            order.settle(amountEur);
            orders.save(order);
            loyalty.recordPurchase(customerId, amountEur);
        }
        return pending.size();
    }
}
