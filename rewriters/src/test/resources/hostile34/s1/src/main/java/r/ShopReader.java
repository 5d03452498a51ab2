package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service public class ShopReader implements BaseReader {
  private final ShopRepository repo; public ShopReader(ShopRepository repo) { this.repo = repo; }
  @Override public ShopRepository repo() { return repo; }
  @Override public List<String> names() { List<String> n = BaseReader.super.names(); n.sort(null); return n; }
}
