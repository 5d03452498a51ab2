package shop;

import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class Pricing {
    /** Previews a line: reserving it takes the count off the product's stock. */
    public int preview(Map.Entry<ProductInfo, Integer> line) {
        ProductInfo product = line.getKey();
        product.setProductStock(product.getProductStock() - line.getValue());
        return line.getValue();
    }
}
