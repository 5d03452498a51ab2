package shop;
import org.springframework.stereotype.Service;
@Service("trimming")
public class TrimmingCatService extends CatService {
    public TrimmingCatService(CatRepository repo) { super(repo); }
    @Override public final void rename(Long id, String n) { super.rename(id, n.trim()); }
}
