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
    // the local class runs rename on this object itself, past the proxy: only apply's own proxy can evict
    public void apply(String op, Long id, String n) {
        class Op {
            void run() { rename(id, n); }
        }
        new Op().run();
    }
}
