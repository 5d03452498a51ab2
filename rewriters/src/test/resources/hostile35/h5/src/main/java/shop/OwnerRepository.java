package shop;
import org.springframework.data.jpa.repository.*;
import org.springframework.data.repository.query.Param;
public interface OwnerRepository extends JpaRepository<Owner, Long> {
    @Query("SELECT o FROM Owner o JOIN FETCH o.cats WHERE o.id = :id")
    Owner withCats(@Param("id") Long id);
}
