package repro;
import java.util.UUID;
public record ItemView(UUID id, String title) {}
