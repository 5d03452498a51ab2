package r;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class ItemService {
    private final ItemRepository repository;

    public ItemService(ItemRepository repository) {
        this.repository = repository;
    }

    /** Category ids per item: Category::getId on the elements of Item's Lombok getter getCategories(). */
    public Map<String, List<Long>> categoryIdsByItem() {
        return repository.findAll().stream()
                .collect(Collectors.toMap(i -> i.getName(),
                        i -> i.getCategories().stream().map(Category::getId).toList()));
    }

    /** The same with a lambda instead of the method reference. */
    public Map<String, List<Long>> categoryIdsByItemLambda() {
        return repository.findAll().stream()
                .collect(Collectors.toMap(i -> i.getName(),
                        i -> i.getCategories().stream().map(c -> c.getId()).toList()));
    }

    @Transactional
    public void add(String name) {
        Item item = new Item();
        item.setName(name);
        repository.save(item);
    }
}
