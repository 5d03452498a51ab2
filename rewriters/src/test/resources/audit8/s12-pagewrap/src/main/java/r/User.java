package r;
import jakarta.persistence.*;
@Entity @Table(name = "users") public class User { @Id Integer id; String name; public Integer getId(){return id;} public String getName(){return name;} public void setName(String n){name=n;} }
