package demo;
import javax.persistence.*;
import java.util.List;
@Entity
public class Category {
  @Id @GeneratedValue private Long id;
  private String name;
  @OneToMany(mappedBy = "category") private List<Product> products;
  public Long getId() { return id; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
