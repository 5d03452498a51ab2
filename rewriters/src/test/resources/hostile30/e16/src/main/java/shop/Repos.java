package shop;
import org.springframework.stereotype.Component;
@Component
public class Repos {
    public static OrderRepository repository;
    public Repos(OrderRepository orders) { repository = orders; }
}
