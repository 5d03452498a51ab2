package r;
import lombok.Getter;
// a response envelope as in Kim-Ji-Seop/CapstoneProjectServer-jdbcTemplate config/BaseResponse.java:
// getters only, no setter, never deserialized; 'result' is assigned once, by the success constructor,
// and left null by the failure constructor. Nothing assigns it later.
@Getter
public class BaseResponse<T> {
    private final boolean isSuccess;
    private final String message;
    private T result;

    public BaseResponse(T result) {
        this.isSuccess = true;
        this.message = "ok";
        this.result = result;
    }

    public BaseResponse(Status status) {
        this.isSuccess = status.isSuccess();
        this.message = status.getMessage();
    }
}
