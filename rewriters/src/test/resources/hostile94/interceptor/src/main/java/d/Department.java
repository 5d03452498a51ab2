package d;
import jakarta.persistence.*;
import java.util.List;
import java.util.Set;
@Entity
public class Department {
    @Id @GeneratedValue private Long id;
    private String title;
    @ManyToOne private Department headDepartment;
    @OneToMany(mappedBy = "headDepartment", fetch = FetchType.EAGER) private List<Department> subDepartment;
    @OneToMany(mappedBy = "department") private Set<Employee> employees;
    private String note;
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Department getHeadDepartment() { return headDepartment; }
    public List<Department> getSubDepartment() { return subDepartment; }
    public Set<Employee> getEmployees() { return employees; }
    public void setEmployees(Set<Employee> employees) { this.employees = employees; }
}
