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

    public void save(String name) {
        Event event = new Event();
        event.setName(name);
        eventRepository.save(event);
    }

    // The only other writer: calls save() through 'this'. Public and called through the proxy by the
    // controller, so an eviction placed here (or on EventRepository.save) would run.
    public void createEvents(List<String> names) {
        names.forEach(this::save);
    }
}
