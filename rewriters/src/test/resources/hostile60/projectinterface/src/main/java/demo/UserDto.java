package demo;

public record UserDto(Long id, String email, String tenant) {
}
