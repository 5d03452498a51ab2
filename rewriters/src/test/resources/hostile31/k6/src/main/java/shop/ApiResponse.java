package shop;
import java.util.*;
public class ApiResponse {
    private final int code;
    private final List<ProductView> data;
    public ApiResponse(int code, List<ProductView> data) { this.code = code; this.data = data; this.data.sort(Comparator.comparing(ProductView::getOwner)); }
    public int getCode() { return code; }
    public List<ProductView> getData() { return data; }
}
