package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class PlanController {
    private final PlanDao plans;
    public PlanController(PlanDao plans) { this.plans = plans; }
    @GetMapping("/plans/{code}") public String price(@PathVariable String code) { return code + " " + plans.load(code).getPrice(); }
    @GetMapping("/plans/{code}/quote") public String quote(@PathVariable String code, @RequestParam(defaultValue = "0") int off) {
        Plan plan = plans.load(code);
        plan.setPrice(plan.getPrice() - off);   // the customer's voucher
        return code + " for you: " + plan.getPrice();
    }
    @PostMapping("/plans/{code}") public String set(@PathVariable String code, @RequestParam int price) { plans.setPrice(code, price); return "ok"; }
}
