package r;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
@Service public class ReportService {
  private final LineRepository repo; public ReportService(LineRepository repo){this.repo=repo;}
  public BigDecimal total(String status) { return repo.findByStatus(status).stream().map(Line::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add); }
  public void setAmount(Long id, BigDecimal a) { Line l = repo.findById(id).orElseThrow(); l.setAmount(a); repo.save(l); }
}
