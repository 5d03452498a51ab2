package shop;
public record ApiResponse<T>(int code, String message, T data) {}
