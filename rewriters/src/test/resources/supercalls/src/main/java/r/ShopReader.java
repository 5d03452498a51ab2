package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service public class ShopReader extends BaseReader {
  @Override public List<String> names() { List<String> n = super.names(); n.sort(null); return n; }
}
