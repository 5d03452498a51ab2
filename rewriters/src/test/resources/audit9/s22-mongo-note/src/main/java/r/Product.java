package r;
import java.util.List;
@org.springframework.data.mongodb.core.mapping.Document("product") public class Product { @org.springframework.data.annotation.Id String id; String name; List<Category> categories; public String getName(){return name;} }
