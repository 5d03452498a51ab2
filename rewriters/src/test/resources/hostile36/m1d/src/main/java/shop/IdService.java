package shop;
import java.util.*;
import org.springframework.stereotype.Service;
@Service
public class IdService {
    private final CatRepository cats;
    public IdService(CatRepository cats) { this.cats = cats; }
    /** Ids by name, most recently looked-up last (an LRU order). */
    public Map<String, Integer> ids() {
        Map<String, Integer> m = new LinkedHashMap<>(16, 0.75f, true);
        for (Cat c : cats.findAll(org.springframework.data.domain.Sort.by("id"))) m.put(c.getName(), c.getId().intValue());
        return m;
    }
}
