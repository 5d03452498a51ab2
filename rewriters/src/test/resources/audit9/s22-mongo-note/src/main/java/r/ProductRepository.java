package r;
import java.util.List;
public interface ProductRepository extends org.springframework.data.mongodb.repository.MongoRepository<Product, String> { List<Product> findByCategories(Category c); }
