package r.mapper;

import org.springframework.stereotype.Component;
import r.entity.Vehicle;

// Stands for a generated MapStruct impl (componentModel=spring): a bean in the mapper package.
@Component
public class VehicleMapper {
    public String toDto(Vehicle v) { return v.getCarNumber(); }
}
