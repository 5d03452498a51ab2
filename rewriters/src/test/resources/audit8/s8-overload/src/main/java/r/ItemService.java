package r;
import org.springframework.stereotype.Service;
@Service public class ItemService {
  private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
  public java.util.List<String> names() { return repo.findAll().stream().map(Item::getName).toList(); }
  public void rename(Long id, String n) { rename(id, n, "admin"); }
  public void rename(Long id, String n, String by) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
}
