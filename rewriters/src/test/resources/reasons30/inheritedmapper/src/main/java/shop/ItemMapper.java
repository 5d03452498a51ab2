package shop;
import org.mapstruct.Mapper;
@Mapper(componentModel = "spring")
public abstract class ItemMapper implements AbstractMapper<Item, ItemDto> {
}
