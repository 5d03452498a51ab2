package shop;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
@Service
public class CatWriter implements BiConsumer<Long, String> {
    private final CatRepository cats;
    public CatWriter(CatRepository cats) { this.cats = cats; }
    @Override public void accept(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }
}
