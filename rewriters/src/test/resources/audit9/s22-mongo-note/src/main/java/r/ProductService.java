package r;
import java.util.List;
import org.springframework.cache.annotation.*;
import org.springframework.stereotype.Service;
@Service public class ProductService {
  private final ProductRepository repo; private final CategoryRepository cats;
  public ProductService(ProductRepository repo, CategoryRepository cats){this.repo=repo;this.cats=cats;}
  @Cacheable("product") public List<Product> byCategory(Long id) { Category c = cats.findById(id).orElseThrow(); return repo.findByCategories(c); }
  @CacheEvict(value = "product", allEntries = true) public void add(Product p) { repo.save(p); }
}
