package shop;

import java.util.List;
import java.util.function.UnaryOperator;

public class ProductInOrder {
    String productId;
    String productName;
    Integer count;
    List<String> tagList;

    public ProductInOrder(ProductInfo productInfo, Integer quantity) {
        this.productId = productInfo.getProductId();
        this.count = quantity;
        // the lambda's parameter is named like the String field productName
        UnaryOperator<List<String>> pick = productName -> productName = productInfo.getTags();
        this.tagList = pick.apply(null);
    }

    public void reserve() { tagList.clear(); }
}
