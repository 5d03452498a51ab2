package shop;
public interface OrderRepository extends org.springframework.data.mongodb.repository.MongoRepository<Order, String> {}
