package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class CatService {
    private final CatRepository cats;
    public CatService(CatRepository cats) { this.cats = cats; }
    @Transactional
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }
}
