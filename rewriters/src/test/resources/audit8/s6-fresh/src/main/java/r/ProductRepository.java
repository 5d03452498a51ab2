package r;
public interface ProductRepository extends org.springframework.data.jpa.repository.JpaRepository<Product, Long> {}
