package shop;

import org.springframework.web.bind.annotation.*;

@RestController
public class NoteController {
    private final NoteService service;
    public NoteController(NoteService service) { this.service = service; }

    @GetMapping("/notes/{id}") public NoteDto read(@PathVariable Long id) { return service.read(id); }
    @PostMapping("/notes") public Long create(@RequestBody String title) { return service.create(title).getId(); }
    @PutMapping("/notes/{id}") public Long update(@PathVariable Long id, @RequestBody String title) { return service.update(id, title).getId(); }
}
