package r;

public record BookingDto(Long id, Long bookerId) {
}
