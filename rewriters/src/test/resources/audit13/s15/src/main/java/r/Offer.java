package r;

import lombok.Data;
import lombok.NoArgsConstructor;

/** A response object: only serialised, never changed after construction. */
@Data
@NoArgsConstructor
public class Offer {
    private RestaurantTo restaurant;
    private int price;

    public Offer(RestaurantTo restaurant, int price) {
        this.restaurant = restaurant;
        this.price = price;
    }
}
