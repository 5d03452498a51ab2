package r;
import org.springframework.stereotype.Service;
@Service public class NoteService {
  private final NoteRepository repo; public NoteService(NoteRepository repo){this.repo=repo;}
  public long count() { return repo.count(); }
}
