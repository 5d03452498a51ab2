package shop;
import org.mapstruct.Mapper;
@Mapper(componentModel = "spring")
public interface PetMapper {
    PetDto toDto(Pet pet);
}
