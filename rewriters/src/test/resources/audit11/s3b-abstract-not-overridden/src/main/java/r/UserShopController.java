package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
@RequestMapping("/shops")
public class UserShopController extends AbstractShopController {
    @GetMapping
    public List<Shop> list() { return super.getAllShops(); }
}
