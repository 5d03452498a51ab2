package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity public class Account {
  @Id Long id; String name;
  @OneToMany(mappedBy = "account") List<Perm> perms = new ArrayList<>();
  public Account() {}
  public Account(Long id, String name) { this.id = id; this.name = name; }
  public Long getId(){return id;} public String getName(){return name;} public List<Perm> getPerms(){return perms;}
}
