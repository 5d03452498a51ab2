package shop;

import org.springframework.stereotype.Component;

@Component
public class Pricing {
    /** Previews a line: reserving it takes the count off the product's stock. */
    public int preview(ProductInOrder line) {
        if (line.product() != null) {
            line.product().setProductStock(line.product().getProductStock() - line.count());
        }
        return line.count();
    }
}
