package r;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class KindService {
    private final KindRepository repository;

    public KindService(KindRepository repository) {
        this.repository = repository;
    }

    public List<Kind> findAll() {
        return repository.findAll();
    }

    public List<Kind> byName(String name) {
        return repository.findByName(name);
    }
}
