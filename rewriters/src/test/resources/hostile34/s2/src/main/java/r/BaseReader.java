package r;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
public abstract class BaseReader {
  @Autowired protected ShopRepository repo;
  public List<String> names() { return repo.names(); }
}
