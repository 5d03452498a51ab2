package r;
import jakarta.persistence.*;
@Entity public class Item { @Id Long id; String name; boolean active; }
