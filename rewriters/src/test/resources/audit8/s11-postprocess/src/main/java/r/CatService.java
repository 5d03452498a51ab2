package r;
import org.springframework.stereotype.Service;
@Service public class CatService {
  private final CatRepository repo; private final CatMapper mapper;
  public CatService(CatRepository repo, CatMapper mapper){this.repo=repo;this.mapper=mapper;}
  public CatDto get(Long id) { CatDto d = mapper.toDto(repo.findById(id).orElseThrow()); d.setLabel("cat"); return d; }
  public void rename(Long id, String n) { Cat c = repo.findById(id).orElseThrow(); c.setName(n); repo.save(c); }
}
