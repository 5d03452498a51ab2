package demo;
import org.springframework.data.jpa.repository.JpaRepository;
public interface PatronRepo extends JpaRepository<Patron, Long> { }
