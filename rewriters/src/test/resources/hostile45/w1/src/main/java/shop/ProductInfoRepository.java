package shop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProductInfoRepository extends JpaRepository<ProductInfo, String> {
    ProductInfo findByProductId(String productId);

    /** The products in the trash (soft-deleted). */
    @Query("select p from ProductInfo p where p.deleted = true")
    List<ProductInfo> deletedProducts();
}
