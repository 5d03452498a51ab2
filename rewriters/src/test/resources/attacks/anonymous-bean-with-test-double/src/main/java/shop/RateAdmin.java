package shop;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
@Service
public class RateAdmin {
    private final Rates rates;
    public RateAdmin(Rates rates) { this.rates = rates; }
    public void setEur(BigDecimal r) { rates.set(r); }
}
