package r;

import org.springframework.web.bind.annotation.*;

@RestController
public class NoteController {
    private final NoteService service;

    public NoteController(NoteService service) {
        this.service = service;
    }

    @GetMapping("/notes/{id}")
    public NoteTo get(@PathVariable Long id) {
        return service.getNote(id);
    }

    @PutMapping("/notes/{id}")
    public void update(@PathVariable Long id, @RequestParam String email, @RequestParam String text) {
        service.update(id, email, text);
    }
}
