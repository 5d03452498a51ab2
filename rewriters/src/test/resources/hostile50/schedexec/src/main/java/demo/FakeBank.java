package demo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.bind.annotation.*;
/** Stands in for the bank in tests (served by this app on its port). */
@RestController
public class FakeBank {
  static final List<String> PAYMENTS = new CopyOnWriteArrayList<>();
  @GetMapping("/accounts/{a}/transactions") public String tx(@PathVariable String a, @RequestParam String day) { return PAYMENTS.toString(); }
  @GetMapping("/accounts/{a}/balance") public String balance(@PathVariable String a) { return String.valueOf(PAYMENTS.size() * 100); }
}
