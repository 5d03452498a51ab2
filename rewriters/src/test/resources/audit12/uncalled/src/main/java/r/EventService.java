package r;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class EventService {
    private final EventRepository eventRepository;
    private final TransactionTemplate transactionTemplate;

    public EventService(EventRepository eventRepository, TransactionTemplate transactionTemplate) {
        this.eventRepository = eventRepository;
        this.transactionTemplate = transactionTemplate;
    }

    public List<EventDto> getAll() {
        return eventRepository.findAll().stream().map(e -> new EventDto(e.getId(), e.getName())).toList();
    }

    // nothing calls it: the handler below reads the repository itself (afisha's EventTypeService.getById)
    public EventDto getById(Long id) {
        Event e = eventRepository.findById(id);
        return new EventDto(e.getId(), e.getName());
    }

    public void save(String name) {
        Event event = new Event();
        event.setName(name);
        eventRepository.save(event);
    }

    // The only other writer: calls save() through 'this'. Public and called through the proxy by the
    // controller, so an eviction placed here (or on EventRepository.save) would run.
    public void createEvents(List<String> names) {
        transactionTemplate.executeWithoutResult(status -> names.forEach(name -> save(name)));
    }
}
