package r;
import org.springframework.stereotype.Service;
@Service public class LineService {
  private final LineRepository repo; public LineService(LineRepository repo){this.repo=repo;}
  public String describe(Long id) { Line l = repo.findById(id).orElseThrow(); l.setLabel("line " + id); return l.getLabel() + " " + l.getItemId(); }
  public long count(String itemId) { return repo.countByItemId(itemId); }
}
