package r;
import jakarta.persistence.*;
@Entity(name = "categories") public class Category { @Id Long id; String name; }
