package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
@RequestMapping("/admin/shops")
public class AdminShopController extends AbstractShopController {
    @GetMapping
    public List<Shop> list() { return super.getAllShops(); }

    @PostMapping
    public Shop create(@RequestParam String name) { return shopRepository.save(new Shop(name)); }
}
