package notes;

import jakarta.persistence.*;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Note {
    @Id @GeneratedValue Long id;
    String title;
    @ElementCollection(fetch = FetchType.EAGER) List<ReceivedFile> attachedFiles = new ArrayList<>();
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<ReceivedFile> getAttachedFiles() { return attachedFiles; }
}
