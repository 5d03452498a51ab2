package r;
import java.util.List;
import org.mapstruct.Mapper;
@Mapper(componentModel = "spring")
public interface RepairMapper {
    RepairDTO toDTO(Repair repair);
    List<RepairDTO> toDTO(List<Repair> repairs);
}
