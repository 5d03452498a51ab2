package shop;
import jakarta.persistence.*;

@Embeddable
public class Route extends Located {
    private String code;
}
