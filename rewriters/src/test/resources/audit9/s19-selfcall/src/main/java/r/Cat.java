package r;
import jakarta.persistence.*;
@Entity public class Cat { @Id Long id; String name; public String getName(){return name;} public void setName(String n){name=n;} }
