package r;
import org.springframework.stereotype.Service;
@Service public class NoteService {
  private final NoteRepository repo; public NoteService(NoteRepository repo){this.repo=repo;}
  public void add(String t) { Note n = new Note(); n.setText(t); repo.save(n); }
}
