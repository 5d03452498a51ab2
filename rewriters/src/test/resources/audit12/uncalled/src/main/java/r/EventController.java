package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EventController {
    private final EventService eventService;
    private final EventRepository eventRepository;

    public EventController(EventService eventService, EventRepository eventRepository) {
        this.eventService = eventService;
        this.eventRepository = eventRepository;
    }

    @GetMapping("/events/{id}")
    public String name(@org.springframework.web.bind.annotation.PathVariable Long id) {
        return eventRepository.findById(id).getName();
    }

    @GetMapping("/events")
    public List<EventDto> getAll() { return eventService.getAll(); }

    @PostMapping("/event")
    public void save(@RequestBody String name) { eventService.save(name); }

    @PostMapping("/events")
    public void createEvents(@RequestBody List<String> names) { eventService.createEvents(new java.util.ArrayList<>(names)); }
}
