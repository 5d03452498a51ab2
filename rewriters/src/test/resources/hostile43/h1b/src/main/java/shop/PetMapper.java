package shop;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
@Mapper(componentModel = "spring")
public interface PetMapper {
    @Mapping(target = "tags", expression = "java(pet.getTags())")
    PetDto toDto(Pet pet);
}
