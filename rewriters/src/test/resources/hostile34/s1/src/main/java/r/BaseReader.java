package r;
import java.util.List;
public interface BaseReader {
  ShopRepository repo();
  default List<String> names() { return repo().names(); }
}
