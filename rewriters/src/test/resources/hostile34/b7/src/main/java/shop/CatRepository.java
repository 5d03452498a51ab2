package shop;
import org.springframework.data.jpa.repository.*;
import org.springframework.data.repository.query.Param;
public interface CatRepository extends JpaRepository<Cat, Long>, NameWriter {
    @Query(value = "select cat.name from cat where cat.id = :id", nativeQuery = true)
    String nameOf(@Param("id") Long id);
}
