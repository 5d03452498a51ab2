package r;
import org.springframework.web.bind.annotation.*;
@RestController public class ShopApi {
  private final ShopReader r; public ShopApi(ShopReader r) { this.r = r; }
  @GetMapping("/shops") public java.util.List<String> names() { return r.names(); }
}
