package shop;
import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Service;
@Service
public class CatWriter {
    private final CatRepository cats;
    public CatWriter(CatRepository cats) { this.cats = cats; }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }
    @PostConstruct void init() { Registry.writer = () -> this; }
    public void apply(String op, Long id, String n) { Registry.writer.get().rename(id, n); }
}
