package r;

import static java.time.LocalDate.now;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RestaurantService {
    private final Clock clock;
    private final RestaurantRepository repository;

    public RestaurantService(Clock clock, RestaurantRepository repository) {
        this.clock = clock;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Restaurant> getAll(LocalDate date, Boolean menu) {
        if (menu) {
            LocalDate day = date == null ? now(clock) : date; // the clock: a null key means "today"
            return repository.getAllWithMenuDay(day);
        }
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public Restaurant getByIdWithMenuForDate(Integer id, LocalDate date) {
        LocalDate day = date == null ? now(clock) : date; // the clock: a null key means "today"
        return repository.getByIdWithMenuDay(id, day).orElseThrow();
    }

    @Transactional
    public void delete(int id) {
        repository.deleteById(id);
    }
}
