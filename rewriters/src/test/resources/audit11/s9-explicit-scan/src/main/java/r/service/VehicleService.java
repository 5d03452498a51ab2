package r.service;

import java.util.List;
import org.springframework.stereotype.Service;
import r.entity.Vehicle;
import r.repository.VehicleRepository;

@Service
public class VehicleService {
    private final VehicleRepository repository;
    public VehicleService(VehicleRepository repository) { this.repository = repository; }
    public List<Vehicle> findAll() { return repository.findAll(); }
    public Vehicle save(Vehicle v) { return repository.save(v); }
}
