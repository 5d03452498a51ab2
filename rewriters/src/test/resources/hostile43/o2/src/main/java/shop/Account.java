package shop;
import jakarta.persistence.*;
@Entity
public class Account {
    @Id private Long id;
    private String name;
    private int visits;
    public Long getId() { return id; }
    public String getName() { return name; }
    public int getVisits() { return visits; }
    public void setVisits(int visits) { this.visits = visits; }
}
