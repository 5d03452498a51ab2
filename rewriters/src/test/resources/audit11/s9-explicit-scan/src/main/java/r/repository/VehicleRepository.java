package r.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import r.entity.Vehicle;

public interface VehicleRepository extends JpaRepository<Vehicle, Long> {}
