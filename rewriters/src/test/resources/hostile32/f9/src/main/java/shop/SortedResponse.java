package shop;
import java.util.*;
/** Rows shown by owner name. */
public class SortedResponse extends ApiResponse<List<ProductView>> {
    private SortedResponse(List<ProductView> rows) { super(200, "ok", rows); }
    public static SortedResponse of(List<ProductView> rows) { return new SortedResponse(rows); }
    @Override public List<ProductView> getData() { List<ProductView> rows = super.getData(); rows.sort(Comparator.comparing(ProductView::getOwner)); return rows; }
}
