package shop;
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
}
