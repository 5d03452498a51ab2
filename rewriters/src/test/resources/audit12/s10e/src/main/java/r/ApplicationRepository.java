package r;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApplicationRepository extends JpaRepository<Application, Integer> {
    List<Application> findByCategoryType(String type);

    @Query("SELECT a FROM Application a JOIN FETCH a.bigIcon WHERE a.id = :id")
    Optional<Application> findWithIcon(@Param("id") Integer id);
}
