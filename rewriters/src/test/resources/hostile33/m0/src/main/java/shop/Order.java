package shop;
import org.springframework.data.mongodb.core.mapping.DBRef;
@org.springframework.data.mongodb.core.mapping.Document("order") public class Order {
  @org.springframework.data.annotation.Id String id; String item; @DBRef Customer buyer;
  public Customer getBuyer(){return buyer;} }
