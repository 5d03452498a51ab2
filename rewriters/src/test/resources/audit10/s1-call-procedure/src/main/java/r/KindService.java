package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class KindService {
    private final KindDao kinds;
    private final ItemDao items;
    KindService(KindDao kinds, ItemDao items) { this.kinds = kinds; this.items = items; }
    public List<Kind> kinds() { return kinds.all(); }
    // a read: the kind and its items
    public KindView view(int id) { return new KindView(kinds.byId(id), items.byKind(id)); }
    public void add(String name) { kinds.add(name); }
}
