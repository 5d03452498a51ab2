package dev.optkit.samples.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;

public enum CustomerTier {
    STANDARD(0),
    SILVER(5),
    GOLD(10);

    private final int discountPercent;

    CustomerTier(int discountPercent) {
        this.discountPercent = discountPercent;
    }

    public int discountPercent() {
        return discountPercent;
    }

    public BigDecimal applyDiscount(BigDecimal amount) {
        BigDecimal factor = BigDecimal.valueOf(100 - discountPercent).movePointLeft(2);
        return amount.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }
}
