package r;
import java.util.List;
import org.mapstruct.Mapper;
@Mapper(componentModel = "spring")
public interface LocationMapper {
    LocationDTO toDTO(Location location);
    List<LocationDTO> toDTO(List<Location> locations);
}
