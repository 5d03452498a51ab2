package r;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class ItemService {
    private final ItemDao dao;
    private final Same same;

    public ItemService(ItemDao dao, Same same) {
        this.dao = dao;
        this.same = same;
    }

    public List<Item> all(String kind) {
        return same.sameList(dao.all(kind));
    }

    public String shout(String kind) {
        List<Item> items = all(kind);
        items.get(0).setName(items.get(0).getName().toUpperCase());
        dao.add(kind + "-shouted", items.get(0).getName());
        return items.get(0).getName();
    }
}
