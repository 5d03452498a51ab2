package dev.optkit.samples.plain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

public class CatalogService {

    private final ProductRepository products;
    private final Random random;
    private final Map<String, List<Product>> productsByCategory = new ConcurrentHashMap<>();

    public CatalogService(ProductRepository products) {
        this(products, new Random());
    }

    public CatalogService(ProductRepository products, Random random) {
        this.products = products;
        this.random = random;
    }

    public List<Product> productsInCategory(String category) {
        return productsByCategory.computeIfAbsent(category, products::findByCategory);
    }

    public String describeProduct(long productId) {
        return products.findById(productId)
                .map(product -> product.name() + " (" + product.category() + ")")
                .orElse("unknown product #" + productId);
    }

    public Optional<Product> featuredProduct(String category) {
        List<Product> candidates = products.findByCategory(category);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    public void restock(long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("restock quantity must be positive");
        }
        products.updateStock(productId, quantity);
    }
}
