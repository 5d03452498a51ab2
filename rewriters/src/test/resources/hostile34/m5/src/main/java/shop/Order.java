package shop;
import org.springframework.data.mongodb.core.mapping.DBRef;
@org.springframework.data.mongodb.core.mapping.Document("order") public class Order {
  @org.springframework.data.annotation.Id String id; String item; @DBRef java.util.Map<String, Customer> buyers;
  public Party getBuyer(){return buyers.get("main");} }
