package r;
import org.springframework.stereotype.Service;
@Service public class ItemService {
  private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
  public ItemDto get(Long id) { Item i = repo.findById(id).orElseThrow(); return new ItemDto(i.getName()); }
  public ItemDto rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); return new ItemDto(i.getName()); }
}
