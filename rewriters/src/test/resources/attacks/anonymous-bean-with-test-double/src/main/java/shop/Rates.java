package shop;
import java.math.BigDecimal;
public interface Rates {
    BigDecimal rate(String currency);
    void set(BigDecimal eur);
}
