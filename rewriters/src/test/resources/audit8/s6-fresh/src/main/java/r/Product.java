package r;
import jakarta.persistence.*;
@Entity public class Product { @Id Long id; Integer stock;
  public void reduceStock(int q) { this.stock -= q; }
  public String getStockStatus() { return stock == null || stock <= 0 ? "OUT" : "IN"; } }
