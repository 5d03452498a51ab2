package demo;

/** What the admin screen shows: no password. */
public record UserDto(Long id, String email, String role) {
}
