package demo;
import org.springframework.stereotype.Service;
import java.util.List;
@Service
public class ProductService {
  private final ProductRepository products;
  public ProductService(ProductRepository products) { this.products = products; }
  public ProductDto byId(Long id) {
    Product p = products.findById(id).orElseThrow();
    return new ProductDto(p.getId(), p.getName(), new java.util.ArrayList<>(List.of(p.getName())));
  }
  public ProductDto rename(Long id, String name) {
    Product p = products.findById(id).orElseThrow();
    p.setName(name);
    p = products.save(p);
    return new ProductDto(p.getId(), p.getName(), new java.util.ArrayList<>(List.of(p.getName())));
  }
  public Long create(String name) { Product p = new Product(); p.setName(name); return products.save(p).getId(); }
}
