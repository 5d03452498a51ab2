package r;
import jakarta.persistence.*;
import java.util.List;
@Entity public class Account { @Id Long id; String name; @OneToMany(mappedBy = "account") List<Grant> grants;
  public Long getId(){return id;} public String getName(){return name;} public List<Grant> getGrants(){return grants;} }
