package dev.optkit.samples.spring;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

public class PurchaseOrder {

    public static final String PENDING = "PENDING";
    public static final String SETTLED = "SETTLED";

    @Id
    private Long id;
    private long customerId;
    private BigDecimal amount;
    private String currency;
    private String status;
    private BigDecimal amountEur;

    @PersistenceCreator
    public PurchaseOrder(Long id, long customerId, BigDecimal amount, String currency, String status,
                         BigDecimal amountEur) {
        this.id = id;
        this.customerId = customerId;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.amountEur = amountEur;
    }

    public static PurchaseOrder pending(long customerId, BigDecimal amount, String currency) {
        return new PurchaseOrder(null, customerId, amount, currency, PENDING, null);
    }

    public void settle(BigDecimal settledAmountEur) {
        if (!PENDING.equals(status)) {
            throw new IllegalStateException("order " + id + " is " + status);
        }
        this.status = SETTLED;
        this.amountEur = settledAmountEur;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getStatus() {
        return status;
    }

    public BigDecimal getAmountEur() {
        return amountEur;
    }

    @Override
    public String toString() {
        return "PurchaseOrder[id=" + id + ", customer=" + customerId + ", " + amount + " " + currency + ", " + status + "]";
    }
}
