package shop;
import org.springframework.stereotype.Service;
import java.util.*;
@Service
public class CatWriter {
    private final CatRepository cats;
    public CatWriter(CatRepository cats) { this.cats = cats; }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }
    private final Map<Long, String> outbox = new LaterMap();
    public void apply(String op, Long id, String n) { outbox.put(id, n); outbox.forEach(this::rename); }
}
