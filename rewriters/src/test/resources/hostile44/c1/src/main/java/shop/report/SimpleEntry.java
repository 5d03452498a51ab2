package shop.report;

import shop.ProductInfo;

/** A row of the stock report: the product's id and name, copied. */
public class SimpleEntry {
    String productId;
    String productName;

    public SimpleEntry(ProductInfo productInfo, Integer ignored) {
        this.productId = productInfo.getProductId();
        this.productName = productInfo.getProductName();
    }
}
