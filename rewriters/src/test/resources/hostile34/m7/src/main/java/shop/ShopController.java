package shop;
import org.springframework.web.bind.annotation.*;
@RestController public class ShopController {
  private final OrderService orders; private final CustomerService customers;
  public ShopController(OrderService o, CustomerService c){orders=o;customers=c;}
  @GetMapping("/orders/{id}/buyer") public String buyer(@PathVariable String id) { return orders.buyerName(id); }
  @PostMapping("/customers/{id}/rename") public String rename(@PathVariable String id, @RequestParam String n) { customers.rename(id, n); return "ok"; }
}
