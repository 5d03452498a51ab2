package notes;

import jakarta.persistence.Embeddable;
import java.util.UUID;

@Embeddable
public class ReceivedFile {
    UUID fileId;
    String originalFileName;
    int views;
    public UUID getFileId() { return fileId; }
    public String getOriginalFileName() { return originalFileName; }
    public int getViews() { return views; }
    public void markSeen() { views = views + 1; }
}
