package r;
import java.util.List;
public interface TicketRepository extends org.springframework.data.jpa.repository.JpaRepository<Ticket, Long> { List<Ticket> findAllBySessionId(Long sessionId); }
