package shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class NoteService {
    private final NoteRepository noteRepository;

    public NoteService(NoteRepository noteRepository) { this.noteRepository = noteRepository; }

    public Note create(String title) {
        Note note = new Note();
        note.setTitle(title);
        return save(note);                       // self-call, direct
    }

    public Note update(Long id, String title) {
        return noteRepository.findById(id).map(note -> {
            note.setTitle(title);
            return save(note);                   // self-call inside Optional.map's lambda: runs at once
        }).orElseThrow();
    }

    // a stream handed back unrun: the saves run when the caller's terminal operation does, after any eviction here
    public java.util.stream.Stream<Note> touchAll(java.util.List<Note> notes) {
        return notes.stream().map(n -> save(n));
    }

    public Note save(Note note) {
        return noteRepository.save(note);
    }

    @Transactional(readOnly = true)
    public NoteDto read(Long id) {
        return noteRepository.findById(id).map(n -> new NoteDto(n.getId(), n.getTitle())).orElseThrow();
    }
}
