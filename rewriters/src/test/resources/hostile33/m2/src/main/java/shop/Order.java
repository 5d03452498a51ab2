package shop;
@org.springframework.data.mongodb.core.mapping.Document("order") public class Order extends Owned<Customer> {
  @org.springframework.data.annotation.Id String id; String item; }
