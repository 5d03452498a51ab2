package shop;
import java.util.Map;
import org.springframework.stereotype.Component;
@Component @org.springframework.context.annotation.Lazy
public class IdHolder {
    private final IdService service;
    private final Map<String, Integer> ids;
    public IdHolder(IdService service) { this.service = service; this.ids = this.service.ids(); }
    public Integer id(String name) { return ids.get(name); }
}
