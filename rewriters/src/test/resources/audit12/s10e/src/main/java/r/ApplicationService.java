package r;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class ApplicationService {
    private final ApplicationRepository repository;

    public ApplicationService(ApplicationRepository repository) { this.repository = repository; }

    public List<Application> findByCategoryType(String type) { return repository.findByCategoryType(type); }

    public Optional<Application> findById(Integer id) { return repository.findWithIcon(id); }
}
