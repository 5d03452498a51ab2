package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {
    private final NoteRepository notes;
    private final AuthorRepository authors;

    public NoteService(NoteRepository notes, AuthorRepository authors) {
        this.notes = notes;
        this.authors = authors;
    }

    /** The detail page: a new TO built from the note (read through the proxy by the controller). */
    public NoteTo getNote(Long id) {
        Note note = notes.findById(id).orElseThrow();
        return new NoteTo(note.getId(), note.getText(), note.getAuthor().getEmail());
    }

    /** Loads the author, then calls getNote on 'this': no caching proxy is crossed here. */
    @Transactional
    public void update(Long id, String email, String text) {
        Author author = authors.findByEmail(email);
        String old = getNote(id).text();
        Note note = new Note();
        note.setAuthor(author);
        note.setText(old + "\n" + text);
        notes.save(note);
    }
}
