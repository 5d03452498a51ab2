package demo;
import jakarta.persistence.*;
@Entity
public class Owner {
    @Id @GeneratedValue private Integer id;
    private String lastName;
    public Integer getId() { return id; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
}
