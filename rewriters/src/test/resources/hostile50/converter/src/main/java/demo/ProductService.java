package demo;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class ProductService {
  private final ProductRepository products;
  private final TagRepository tags;
  public ProductService(ProductRepository products, TagRepository tags) { this.products = products; this.tags = tags; }

  /** The labels a product shows. */
  public List<String> tagLabels(Long id) {
    return products.findById(id).map(p -> List.copyOf(p.getTags())).orElse(List.of());
  }

  public Long add(String name, List<String> labels) { return products.save(new Product(name, labels)).getId(); }

  public void addTag(String code, String label) { tags.save(new Tag(code, label)); }

  @Transactional
  public void relabel(String code, String label) { tags.findById(code).orElseThrow().setLabel(label); }
}
