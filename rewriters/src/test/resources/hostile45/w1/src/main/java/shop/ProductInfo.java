package shop;

import jakarta.persistence.*;

@Entity
public class ProductInfo {
    @Id String productId;
    String productName;
    Integer productStock;
    boolean deleted;
    @Transient java.util.List<String> tags = new java.util.ArrayList<>();
    public String getProductId() { return productId; }
    public String getProductName() { return productName; }
    public java.util.List<String> getTags() { return tags; }
    public Integer getProductStock() { return productStock; }
    public void setProductStock(Integer s) { productStock = s; }
    public boolean isDeleted() { return deleted; }
    public void setDeleted(boolean deleted) { this.deleted = deleted; }
}
