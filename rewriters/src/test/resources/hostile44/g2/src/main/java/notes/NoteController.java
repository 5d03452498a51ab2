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
            NoteReadDto dto = mapper.mapForRead(note);
            if (dto.visibleCount() > 0) {
                read.add(dto);
            }
        }
        return read;
    }

    @PutMapping("/notes/{id}") public void rename(@PathVariable Long id, @RequestBody String title) { service.rename(id, title); }
}
