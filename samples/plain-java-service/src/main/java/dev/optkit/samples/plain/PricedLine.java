package dev.optkit.samples.plain;

import java.math.BigDecimal;

public record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
