package r;
import org.springframework.data.domain.*;
import org.springframework.stereotype.Service;
@Service public class ProductService {
  private final ProductRepository repo; public ProductService(ProductRepository repo){this.repo=repo;}
  public Page<String> statuses(int page, int size) {
    Page<Product> products = repo.findAll(PageRequest.of(page, size));
    return products.map(Product::getStockStatus);
  }
}
