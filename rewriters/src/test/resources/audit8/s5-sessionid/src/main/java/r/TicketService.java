package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service public class TicketService {
  private final TicketRepository repo; public TicketService(TicketRepository repo){this.repo=repo;}
  public List<String> seats(Long sessionId) { return repo.findAllBySessionId(sessionId).stream().map(Ticket::getSeat).toList(); }
  public void move(Long id, String s) { Ticket t = repo.findById(id).orElseThrow(); t.setSeat(s); repo.save(t); }
}
