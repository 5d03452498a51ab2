package r;
public record UserResponse(Integer id, String name) {}
