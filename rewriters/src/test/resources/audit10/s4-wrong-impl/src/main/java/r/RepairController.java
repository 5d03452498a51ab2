package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class RepairController {
    private final RepairService service;
    private final RepairMapper mapper;
    RepairController(RepairService service, RepairMapper mapper) { this.service = service; this.mapper = mapper; }
    @GetMapping("/bikes/{serial}/repairs") public List<RepairDTO> bySerial(@PathVariable String serial) { return mapper.toDTO(service.bySerial(serial)); }
    @DeleteMapping("/repairs/{id}") public void delete(@PathVariable Long id) { service.delete(id); }
}
