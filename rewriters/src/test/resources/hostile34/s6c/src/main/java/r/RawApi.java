package r;
import org.springframework.web.bind.annotation.*;
@RestController public class RawApi {
  private final ShopRepository repo; public RawApi(ShopRepository repo) { this.repo = repo; }
  /** In the order the shops were registered. */
  @GetMapping("/shops/raw") public java.util.List<String> raw() { return repo.names(); }
}
