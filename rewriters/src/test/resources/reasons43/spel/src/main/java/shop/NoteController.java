package shop;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
public class NoteController {
    private final NoteQueries notes;
    public NoteController(NoteQueries notes) { this.notes = notes; }

    @GetMapping("/notes/{id}")
    @PreAuthorize("@permService.hasAccess(#id)")
    public String read(@PathVariable Long id) { return notes.titleOf(id); }

    @PutMapping("/notes/{id}")
    public void rename(@PathVariable Long id, @RequestBody String title) {
        Note n = notes.findById(id).orElseThrow();
        n.setTitle(title);
        notes.save(n);
    }
}
