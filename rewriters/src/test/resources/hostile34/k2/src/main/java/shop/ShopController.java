package shop;
import java.util.Arrays;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final ShopDao shops;
    public ShopController(ShopDao shops) { this.shops = shops; }
    @GetMapping("/shops") public String registered() { return String.join(",", shops.names()); }
    @GetMapping("/shops/sorted") public String sorted() {
        String[] names = shops.names();
        Arrays.sort(names);
        return String.join(",", names);
    }
}
