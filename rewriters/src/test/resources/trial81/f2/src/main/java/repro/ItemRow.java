package repro;
import java.util.UUID;
public record ItemRow(UUID boxId, String boxName, UUID itemId, String title) {}
