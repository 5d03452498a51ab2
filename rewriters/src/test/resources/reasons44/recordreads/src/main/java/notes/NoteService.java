package notes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {
    private final NoteRepository notes;
    public NoteService(NoteRepository notes) { this.notes = notes; }

    @Transactional
    public void rename(Long id, String title) {
        Note note = notes.findById(id).orElseThrow();
        note.setTitle(title);
    }
}
