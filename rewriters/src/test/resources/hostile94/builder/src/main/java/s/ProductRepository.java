package s;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class ProductRepository {
    private final NamedParameterJdbcTemplate jdbcTemplate;
    public ProductRepository(NamedParameterJdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }
    public List<Product> findAllByName(String name) {
        return jdbcTemplate.query("SELECT * FROM product WHERE name = :name", java.util.Map.of("name", name),
                (java.sql.ResultSet rs) -> {
                    List<Product> products = new java.util.ArrayList<>();
                    while (rs.next()) {
                        Product product = new ProductRowMapper().mapRow(rs, 1);
                        if (product != null) {
                            products.add(product);
                        }
                    }
                    return products;
                });
    }
    public void rename(String id, String name) {
        jdbcTemplate.update("UPDATE product SET name = :name WHERE product_id = :id", java.util.Map.of("name", name, "id", id));
    }
}
