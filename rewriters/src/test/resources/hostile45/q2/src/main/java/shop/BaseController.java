package shop;

import java.util.ArrayList;
import java.util.List;

/** Shared by the controllers: its order line also remembers the product it was made from. */
public class BaseController {
    public static class ProductInOrder extends shop.ProductInOrder {
        final List<ProductInfo> parts = new ArrayList<>();

        public ProductInOrder(ProductInfo productInfo, Integer quantity) {
            super(productInfo, quantity);
            parts.add(productInfo);
        }

        @Override
        public void reserve() {
            super.reserve();
            for (ProductInfo p : parts) p.setProductStock(p.getProductStock() - count);
        }
    }
}
