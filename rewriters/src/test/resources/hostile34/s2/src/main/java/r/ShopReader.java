package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service public class ShopReader extends BaseReader {
  class Sorter { List<String> sorted() { List<String> n = ShopReader.super.names(); n.sort(null); return n; } }
  @Override public List<String> names() { return new Sorter().sorted(); }
}
