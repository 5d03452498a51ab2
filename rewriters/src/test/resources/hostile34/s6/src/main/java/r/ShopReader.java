package r;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
@Service public class ShopReader extends BaseReader {
  @Override public List<String> names() { return sorted(super::names); }
  private static List<String> sorted(Supplier<List<String>> source) { List<String> n = source.get(); n.sort(null); return n; }
}
