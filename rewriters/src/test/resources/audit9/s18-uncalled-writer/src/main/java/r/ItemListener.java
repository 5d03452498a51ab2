package r;
import org.springframework.stereotype.Component;
@Component public class ItemListener {
  private final ItemRepository repo; public ItemListener(ItemRepository repo){this.repo=repo;}
  public String report() { return "active=" + repo.countByActive(true); }
}
