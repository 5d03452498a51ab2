package r;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RestaurantRepository extends JpaRepository<Restaurant, Integer> {
    @Query("SELECT r FROM Restaurant r JOIN FETCH r.menu d WHERE d.date = :date")
    List<Restaurant> getAllWithMenuDay(LocalDate date);

    @Query("SELECT r FROM Restaurant r JOIN FETCH r.menu d WHERE d.date = :date AND r.id = :id")
    Optional<Restaurant> getByIdWithMenuDay(Integer id, LocalDate date);
}
