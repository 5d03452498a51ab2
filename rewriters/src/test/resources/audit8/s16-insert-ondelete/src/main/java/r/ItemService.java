package r;
import org.springframework.stereotype.Service;
@Service public class ItemService {
  private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
  public void create(String n) { create(n, "admin"); }
  public void create(String n, String by) { Item i = new Item(); i.setName(n); repo.save(i); }
}
