package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ScheduleController {
    private final ScheduleService service;

    public ScheduleController(ScheduleService service) {
        this.service = service;
    }

    @GetMapping("/loans/{id}/schedule/{n}")
    public List<String> schedule(@PathVariable long id, @PathVariable int n) {
        return service.schedule(id, n);
    }
}
