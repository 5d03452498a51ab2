package r;
import jakarta.persistence.*;
@Entity
public class Item { @Id Long id; String name; boolean active; public String getName(){return name;} public void setName(String n){name=n;} }
