package shop;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
@Service
public class PriceService {
    private final JdbcTemplate jdbc;
    private final Rates rates;
    public PriceService(JdbcTemplate jdbc, Rates rates) { this.jdbc = jdbc; this.rates = rates; }
    public BigDecimal price(String sku) {
        BigDecimal base = jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", BigDecimal.class, sku);
        return base.multiply(rates.rate("EUR"));
    }
}
