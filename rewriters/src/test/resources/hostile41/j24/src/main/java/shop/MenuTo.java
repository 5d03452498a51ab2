package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
public class MenuTo {
    private final String title;
    private final String restaurantName;
    public MenuTo(String title, String restaurantName) { this.title = title; this.restaurantName = restaurantName; }
    public String getTitle() { return title; }
    public String getRestaurantName() { return restaurantName; }
}
