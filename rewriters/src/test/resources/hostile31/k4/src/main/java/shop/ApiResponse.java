package shop;
import java.util.List;
public class ApiResponse<T> extends PageResponse<T> {
    private final int code;
    public ApiResponse(int code, List<T> data) { this.code = code; this.items = data; }
    public int getCode() { return code; }
}
