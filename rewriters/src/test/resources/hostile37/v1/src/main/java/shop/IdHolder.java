package shop;
import java.util.Map;
import org.springframework.stereotype.Component;
@Component @org.springframework.context.annotation.Lazy
public class IdHolder {
    private final int size;
    public IdHolder(IdService service) { Map<String, Tally> m = java.util.Objects.requireNonNull(service).tallies(); m.put("zed", Tally.of("zed")); size = m.size(); }
    public Object hit(String name) { return size; }
}
