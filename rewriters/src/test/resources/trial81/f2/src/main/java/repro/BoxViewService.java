package repro;
import org.springframework.stereotype.Service;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
@Service
public class BoxViewService {
    private final BoxViewRepository repo;
    private final BoxRepository boxes;
    public BoxViewService(BoxViewRepository repo, BoxRepository boxes) { this.repo = repo; this.boxes = boxes; }
    public void create(String name) { boxes.save(new Box(null, name)); }
    /** takes a mutable List key: not cacheable itself, so the repository read below is the only cache level */
    public Optional<BoxView> view(UUID id, List<String> tags) {
        List<ItemRow> rows = repo.rows(id);
        if (rows.isEmpty()) return Optional.empty();
        return Optional.of(new BoxView(rows.get(0).boxId(), rows.get(0).boxName(), items(rows)));
    }
    private List<ItemView> items(List<ItemRow> rows) {
        return rows.stream().filter(r -> r.itemId() != null).map(r -> new ItemView(r.itemId(), r.title())).toList();
    }
}
