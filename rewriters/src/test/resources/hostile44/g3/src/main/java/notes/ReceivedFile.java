package notes;

import jakarta.persistence.Embeddable;
import java.util.UUID;

@Embeddable
public class ReceivedFile {
    UUID fileId;
    String originalFileName;
    public UUID getFileId() { return fileId; }
    public String getOriginalFileName() { return originalFileName; }
    public void setOriginalFileName(String n) { originalFileName = n; }
}
