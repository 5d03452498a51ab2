package shop;
import org.springframework.data.jpa.repository.*;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;
public interface CatRepository extends JpaRepository<Cat, Long> {
    @Query(value = "select cat.name from cat where cat.id = :id", nativeQuery = true)
    String nameOf(@Param("id") Long id);
    @Modifying @Transactional
    @Query("update Cat c set c.name = :n where c.id = :id")
    int rename(@Param("id") Long id, @Param("n") String n);
}
