package shop;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class ItemService extends AbstractService<Item, ItemDto, ItemRepository, ItemMapper> {
    protected ItemService(ItemRepository repository, ItemMapper mapper) { super(repository, mapper); }
    public List<ItemDto> getAllByCustomerId(Long customerId) {
        return entityMapper.allEntitiesToDtos(repository.getAllByCustomerId(customerId));
    }
}
