package shop;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class CatService implements CatApi {
    private final CatRepository cats;
    public CatService(CatRepository cats) { this.cats = cats; }
    public String name(Long id) { return cats.findById(id).map(Cat::getName).orElse("none"); }
    @CacheEvict(cacheNames = "cats", allEntries = true)
    @Transactional
    public void rename(Long id, String n) { cats.findById(id).ifPresent(c -> c.setName(n)); }
}
