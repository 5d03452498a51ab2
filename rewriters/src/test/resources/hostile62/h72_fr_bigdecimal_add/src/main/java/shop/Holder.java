package shop;

import java.math.BigDecimal;

public class Holder {
    public final BigDecimal base = new BigDecimal("10");

    public BigDecimal plus(BigDecimal more) {
        return base.add(more);
    }
}
