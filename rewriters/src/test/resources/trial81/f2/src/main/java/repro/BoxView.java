package repro;
import java.util.List;
import java.util.UUID;
/** no compact constructor; its one method only reads */
public record BoxView(UUID id, String name, List<ItemView> items) {
    public int itemCount() { return (int) items.stream().filter(i -> i.title() != null).count(); }
}
