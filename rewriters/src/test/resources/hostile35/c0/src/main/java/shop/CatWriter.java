package shop;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
@Service
public class CatWriter {
    private final CatRepository cats;
    // code in a field that runs no method of this object: the rename below is still evicted around
    private final BiConsumer<Long, String> audit = (id, n) -> System.out.println("renamed " + id + " to " + n.strip());
    public CatWriter(CatRepository cats) { this.cats = cats; }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
        audit.accept(id, n);
    }
    public void apply(String op, Long id, String n) { rename(id, n); }
}
