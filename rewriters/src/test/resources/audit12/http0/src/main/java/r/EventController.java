package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EventController {
    private final EventService eventService;

    public EventController(EventService eventService) { this.eventService = eventService; }

    @GetMapping("/events")
    public List<EventDto> getAll() { return eventService.getAll(); }

    @PostMapping("/event")
    public void save(@RequestBody String name) { eventService.save(name); }

    @PostMapping("/events")
    public void createEvents(@RequestBody List<String> names) { eventService.createEvents(new java.util.ArrayList<>(names)); }
}
