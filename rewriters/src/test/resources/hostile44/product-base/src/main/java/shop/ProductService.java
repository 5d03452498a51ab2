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
}
