package shop;
import org.springframework.data.jpa.repository.JpaRepository;
public interface ParcelRepository extends JpaRepository<Parcel, Long> {}
