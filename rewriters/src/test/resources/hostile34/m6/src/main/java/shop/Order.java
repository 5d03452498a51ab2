package shop;
import org.springframework.data.mongodb.core.mapping.DBRef;
@org.springframework.data.mongodb.core.mapping.Document("order") public class Order {
  @org.springframework.data.annotation.Id String id; String item; Purchase purchase;
  public Party getBuyer(){return purchase.buyer;} }
