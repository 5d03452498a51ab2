package shop;
import org.springframework.stereotype.Service;
import java.util.*;
import java.util.function.*;
@Service
public class CatWriter {
    private final CatRepository cats;
    public CatWriter(CatRepository cats) { this.cats = cats; }
    @jakarta.annotation.PostConstruct void init() { Registry.writer = this; }
    public void apply(String op, Long id, String n) { Registry.writer.rename(id, n); }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }

}
