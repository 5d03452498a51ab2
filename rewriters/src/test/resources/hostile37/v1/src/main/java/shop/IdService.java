package shop;
import java.util.*;
import org.springframework.stereotype.Service;
@Service
public class IdService {
    private final CatRepository cats;
    public IdService(CatRepository cats) { this.cats = cats; }
    public Map<String, Tally> tallies() {
        Map<String, Tally> m = new TreeMap<>();
        for (Cat c : cats.findAll()) m.put(c.getName(), Tally.of(c.getName()));
        return m;
    }
}
