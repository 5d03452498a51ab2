package shop;
import java.util.List;
import java.util.function.UnaryOperator;
public class PageResponse<T> {
    protected List<T> items;
    public List<T> getItems() { return items; }
    public void mask(UnaryOperator<T> masking) { items.replaceAll(masking); }
}
