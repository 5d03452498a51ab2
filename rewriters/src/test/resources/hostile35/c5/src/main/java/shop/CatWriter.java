package shop;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
@Service
public class CatWriter {
    private final CatRepository cats;
    private final Map<String, BiConsumer<Long, String>> ops = new HashMap<>();
    {
        ops.put("rename", (id, n) -> store(id, n));
    }
    public CatWriter(CatRepository cats) { this.cats = cats; }
    public void rename(Long id, String n) { store(id, n); }
    public void store(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }
    public void apply(String op, Long id, String n) { ops.get(op).accept(id, n); }
}
