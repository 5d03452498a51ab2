package writer;
import org.springframework.web.bind.annotation.*;
@RestController
public class WriterController {
    private final PetWriter writer;
    public WriterController(PetWriter writer) { this.writer = writer; }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { writer.rename(id, name); return "ok"; }
}
