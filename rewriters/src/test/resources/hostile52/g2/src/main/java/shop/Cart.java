package shop;

import java.util.ArrayList;
import java.util.List;

/** A cart whose lines are loaded from the store each time they are asked for. */
public class Cart {
    private final Pricing store;
    private final String id;

    public Cart(Pricing store, String id) {
        this.store = store;
        this.id = id;
    }

    public List<String> getSkus() {
        List<String> lines = new ArrayList<>();
        for (String line : store.fetch("cart-" + id).split(",")) {
            lines.add(line);
        }
        return lines;
    }
}
