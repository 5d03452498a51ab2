package reader;
import org.springframework.web.bind.annotation.*;
@RestController
public class ReaderController {
    private final PetDao dao;
    public ReaderController(PetDao dao) { this.dao = dao; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) { return dao.name(id); }
}
