package shop;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ItemService {
    private final ItemRepository items;
    public ItemService(ItemRepository items) { this.items = items; }

    public List<String> activeNames() {
        return items.findByActiveTrue().stream().map(Item::getName).toList();
    }
}
