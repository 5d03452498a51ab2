package r;

import java.time.LocalDateTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookingRepository extends JpaRepository<Booking, Long> {
    @Query("SELECT b FROM Booking b WHERE b.itemId = ?1 AND b.start < ?2 ORDER BY b.start DESC LIMIT 1")
    Booking findLast(Long itemId, LocalDateTime now);
}
