package shop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LineRepository extends JpaRepository<ProductInOrder, Long> {
    /** Deletes a product's lines in every cart and answers the deleted lines. */
    List<ProductInOrder> deleteByProductId(String productId);
}
