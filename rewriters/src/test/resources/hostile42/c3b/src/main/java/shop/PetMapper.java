package shop;
import org.springframework.stereotype.Component;
@Component
public class PetMapper {
    public PetDto toDto(Pet pet) {
        PetDto dto = new PetDto();
        dto.setId(pet.getId());
        dto.setName(pet.getName());
        dto.setOwner(pet.getOwner());
        return dto;
    }
}
