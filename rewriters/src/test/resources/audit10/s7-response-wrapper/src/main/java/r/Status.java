package r;
public enum Status {
    OK(true, "ok"), FAILED(false, "failed");
    private final boolean success;
    private final String message;
    Status(boolean success, String message) { this.success = success; this.message = message; }
    public boolean isSuccess() { return success; }
    public String getMessage() { return message; }
}
