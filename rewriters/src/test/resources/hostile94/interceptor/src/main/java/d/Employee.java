package d;
import jakarta.persistence.*;
@Entity
public class Employee {
    @Id @GeneratedValue private Long id;
    private String name;
    @ManyToOne private Department department;
    public Long getId() { return id; }
    public String getName() { return name; }
    public Department getDepartment() { return department; }
    public void setDepartment(Department department) { this.department = department; }
}
