package shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProductService {
    private final ProductInfoRepository repo;
    public ProductService(ProductInfoRepository repo) { this.repo = repo; }

    public ProductInfo findOne(String productId) { return repo.findByProductId(productId); }

    @Transactional
    public void decreaseStock(String productId, int amount) {
        ProductInfo p = repo.findByProductId(productId);
        p.setProductStock(p.getProductStock() - amount);
        repo.save(p);
    }

    /** Reserves one item: the line takes it off the product's stock, which JPA writes at the commit. */
    @Transactional
    public void reserve(String productId) {
        ProductInfo p = repo.findByProductId(productId);
        new ProductInOrder(p, 1).reserve();
    }

    static class Audit {
        static class ProductInOrder {
            final String productName;
            ProductInOrder(ProductInfo productInfo, Integer quantity) { this.productName = productInfo.getProductName(); }
            void reserve() {}
        }
    }
}
