package shop;
import org.springframework.data.jpa.repository.*;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;
public interface NameWriter {
    @Modifying @Transactional
    @Query("update Cat c set c.name = :n where c.id = :id")
    int rename(@Param("id") Long id, @Param("n") String n);
}
