package r;
public interface CatRepository extends org.springframework.data.jpa.repository.JpaRepository<Cat, Long> {}
