package shop;
import org.springframework.data.jpa.repository.*;
public interface PersonRepository extends JpaRepository<Person, Long>, PersonRepositoryCustom {
}
