package r;
import jakarta.persistence.*;
@Entity @Table(name = "orders") public class Order { @Id Integer id; Integer ownerId; }
