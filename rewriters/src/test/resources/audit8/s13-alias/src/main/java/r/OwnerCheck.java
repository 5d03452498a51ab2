package r;
import org.springframework.stereotype.Service;
@Service public class OwnerCheck {
  private final OrderRepository repo; public OwnerCheck(OrderRepository repo){this.repo=repo;}
  public Integer owner(Integer orderId) { return repo.findOwnerIdById(orderId).orElseThrow(); }
}
