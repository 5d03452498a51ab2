package r;
import jakarta.persistence.*;
import java.math.BigDecimal;
@Entity public class Line { @Id Long id; String status; BigDecimal amount; public BigDecimal getAmount(){return amount;} public void setAmount(BigDecimal a){amount=a;} }
