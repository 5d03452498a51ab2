package r;
import org.springframework.stereotype.Service;
@Service public class ItemService {
  private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
  public String name(Long id) { System.out.println("load " + id); return repo.findById(id).orElseThrow().getName(); }
  public void rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
}
