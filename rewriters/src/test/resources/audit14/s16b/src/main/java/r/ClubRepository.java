package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

@Transactional(readOnly = true)
public interface ClubRepository extends JpaRepository<Club, Integer> {
    /** A constructor expression: DTOs built from SQL values, no entity instance. */
    @Query("SELECT new r.ClubCount(c.id, c.name, COUNT(v)) FROM Vote v JOIN v.club c WHERE v.day = :day GROUP BY c.id, c.name")
    List<ClubCount> countsOn(LocalDate day);
}
