package shop;
import org.springframework.stereotype.Service;
@Service public class OrderService {
  private final OrderRepository repo; public OrderService(OrderRepository repo){this.repo=repo;}
  public String buyerName(String id) { return repo.findById(id).orElseThrow().getBuyer().getName(); }
}
