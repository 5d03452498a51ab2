package shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProductService {
    private final ProductRepository products;

    public ProductService(ProductRepository products) {
        this.products = products;
    }

    public Product find(Long id) {
        return products.findById(id).orElseThrow();
    }

    @Transactional
    public void rename(Long id, String name) {
        Product product = products.findById(id).orElseThrow();
        product.setName(name);
    }

    @Transactional
    public void add(Long id, String name, int price) {
        products.save(new Product(id, name, price));
    }
}
