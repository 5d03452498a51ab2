package repro.two;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ProductService {
    private final ProductRepository productRepository;

    public ProductService(ProductRepository productRepository) { this.productRepository = productRepository; }

    public List<Product> findAll() { return productRepository.findAll(); }

    public Product findById(Long id) { return productRepository.findById(id).orElseThrow(); }

    public Product rename(Long id, String name) {
        Product p = productRepository.findById(id).orElseThrow();
        p.setName(name);
        return productRepository.save(p);
    }
}
