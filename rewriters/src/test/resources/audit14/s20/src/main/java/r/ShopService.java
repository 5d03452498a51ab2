package r;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ShopService {
    private final ShopRepository repository;

    public ShopService(ShopRepository repository) {
        this.repository = repository;
    }

    /** Every shop with that day's items: the fetched item lists are moved onto the shops findAll() loads (Lombok setItems). */
    @Transactional(readOnly = true)
    public List<ShopTo> getAllWithItems(LocalDate day) {
        Map<Integer, List<Item>> itemsByShop = repository.getAllWithItems(day).stream()
                .collect(Collectors.toMap(Shop::getId, Shop::getItems));
        List<Shop> shops = repository.findAll();
        shops.forEach(s -> s.setItems(itemsByShop.getOrDefault(s.getId(), new ArrayList<>())));
        return shops.stream()
                .map(s -> new ShopTo(s.getId(), s.getName(), s.getItems().stream().map(Item::getTitle).toList()))
                .toList();
    }

    @Transactional
    public Shop create(String name) {
        Shop shop = new Shop();
        shop.setName(name);
        return repository.save(shop);
    }
}
