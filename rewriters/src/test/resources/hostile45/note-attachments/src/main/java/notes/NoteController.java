package notes;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class NoteController {
    private final NoteService service;
    private final NoteRepository notes;
    private final NoteMapper mapper;
    public NoteController(NoteService service, NoteRepository notes, NoteMapper mapper) {
        this.service = service;
        this.notes = notes;
        this.mapper = mapper;
    }

    @GetMapping("/notes")
    public List<NoteReadDto> all(@RequestParam String q) {
        List<NoteReadDto> read = new ArrayList<>();
        for (Note note : notes.findByTitleContaining(q)) {
            read.add(mapper.mapForRead(note));
        }
        return read;
    }

    /** How many attachments the matching notes have. */
    @GetMapping("/notes/attachments")
    public int attachments(@RequestParam String q) {
        int n = 0;
        for (Note note : notes.findByTitleContaining(q)) {
            n += note.getAttachedFiles().size();
        }
        return n;
    }

    @PutMapping("/notes/{id}") public void rename(@PathVariable Long id, @RequestBody String title) { service.rename(id, title); }
}
