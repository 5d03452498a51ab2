package demo;
import org.springframework.data.jpa.repository.JpaRepository;
public interface BorrowRecordRepo extends JpaRepository<BorrowRecord, Long> { }
