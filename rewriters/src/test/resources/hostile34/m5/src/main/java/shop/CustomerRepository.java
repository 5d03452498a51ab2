package shop;
public interface CustomerRepository extends org.springframework.data.mongodb.repository.MongoRepository<Customer, String> {}
