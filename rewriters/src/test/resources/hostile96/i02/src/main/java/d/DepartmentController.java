package d;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class DepartmentController {
    private final DepartmentService service;
    public DepartmentController(DepartmentService service) { this.service = service; }
    @GetMapping("/d/{id}/sub") public List<DepartmentDto> sub(@PathVariable Long id) { return service.getAllSubordinateDepartments(id); }
    @GetMapping("/d") public String byTitle(@RequestParam String title) { return String.valueOf(service.getDepartmentByTitle(title)); }
    @GetMapping("/d/{id}/names") public List<String> names(@PathVariable Long id) { return service.getEmployeeNames(id); }
    @PutMapping("/d/{id}/note") public void note(@PathVariable Long id, @RequestParam String note) { service.setNote(id, note); }
    @PutMapping("/d/{id}") public void rename(@PathVariable Long id, @RequestParam String title) { service.rename(id, title); }
    @PutMapping("/e/{id}") public void move(@PathVariable Long id, @RequestParam Long to) { service.moveEmployee(id, to); }
    @PutMapping("/d/{id}/move") public void moveAll(@PathVariable Long id, @RequestParam Long to) { service.moveAllEmployees(id, to); }
}
