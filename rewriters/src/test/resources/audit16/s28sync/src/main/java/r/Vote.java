package r;

import jakarta.persistence.*;

@Entity
public class Vote {
    @Id @GeneratedValue
    private Integer id;
    private Integer restaurantId;
    protected Vote() {
    }
    public Vote(Integer restaurantId) {
        this.restaurantId = restaurantId;
    }
    public Integer getId() { return id; }
    public Integer getRestaurantId() { return restaurantId; }
}
