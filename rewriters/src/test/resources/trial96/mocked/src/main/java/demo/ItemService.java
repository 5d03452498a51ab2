package demo;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class ItemService {
  private final ItemDao dao;
  public ItemService(ItemDao dao) { this.dao = dao; }
  public List<String> names() { return dao.names(); }
  public int add(String name) { return dao.add(name); }
}
