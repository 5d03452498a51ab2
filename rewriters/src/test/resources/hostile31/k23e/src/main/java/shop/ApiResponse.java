package shop;
import lombok.Getter;
@Getter
public class ApiResponse<T> {
    private final int code;
    private final T data;
    public ApiResponse(int code, T data) { this.code = code; this.data = data; }
}
