package shop;

import org.springframework.stereotype.Service;

@Service
public class Breadcrumbs {
    private final ProductRepository products;

    public Breadcrumbs(ProductRepository products) {
        this.products = products;
    }

    public String trail(Long productId) {
        return "Home > " + products.findById(productId).map(Product::getName).orElse("?");
    }
}
