package repro.one;

import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class PlaceService {
    private final PlaceRepository placeRepository;

    public PlaceService(PlaceRepository placeRepository) { this.placeRepository = placeRepository; }

    public List<Place> getAll() { return placeRepository.findAll(); }

    public void save(String name) { placeRepository.save(name); }
}
