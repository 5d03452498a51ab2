package shop;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
@RestController
public class OrderController {
    private final UserDao users;
    public OrderController(UserDao users) { this.users = users; }
    @GetMapping("/place")
    public long place(@RequestParam String login) {
        Long userNo = users.userNo(login);
        Order order = Order.of(userNo);
        order.shift(1000);
        return order.getUserNo().value();
    }
}
