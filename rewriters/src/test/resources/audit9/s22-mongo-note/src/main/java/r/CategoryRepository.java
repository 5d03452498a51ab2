package r;
public interface CategoryRepository extends org.springframework.data.jpa.repository.JpaRepository<Category, Long> {}
