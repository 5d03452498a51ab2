package r1;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class ItemService {
    private final ItemRepository repo;
    public ItemService(ItemRepository repo) { this.repo = repo; }
    public String getName(Long id) { return repo.findById(id).map(Item::getName).orElse(null); }
    public List<String> names() { return repo.findAll().stream().map(Item::getName).toList(); }
    public Long add(String name) { Item i = new Item(); i.setName(name); return repo.save(i).getId(); }
}
