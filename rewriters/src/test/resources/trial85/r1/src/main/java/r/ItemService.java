package r;
import org.springframework.stereotype.Service;
@Service
public class ItemService {
    private final ItemRepository repo;
    public ItemService(ItemRepository repo) { this.repo = repo; }

    public String getName(Long id) {
        return repo.findById(id).map(Item::getName).orElse(null);
    }

    public String rename(Long id, String name) {
        Item item = repo.findById(id).orElseThrow();
        item.setName(name);
        return repo.save(item).getName();
    }

    public void renameAll(String name) {
        repo.findAll().forEach(item -> rename(item.getId(), name));
    }
}
