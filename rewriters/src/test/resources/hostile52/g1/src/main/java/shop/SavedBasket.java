package shop;

import java.util.ArrayList;
import java.util.List;

/** A basket whose lines are loaded from the store each time they are asked for. */
public class SavedBasket extends Basket {
    private final Pricing store;
    private final String id;

    public SavedBasket(Pricing store, String id) {
        super(List.of());
        this.store = store;
        this.id = id;
    }

    @Override
    public List<String> getSkus() {
        List<String> lines = new ArrayList<>();
        for (String line : store.fetch("basket-" + id).split(",")) {
            lines.add(line);
        }
        return lines;
    }
}
