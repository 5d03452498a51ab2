package shop;
import jakarta.persistence.*;
import java.util.*;
@Entity public class Account {
  @Id Long id; String name;
  @ElementCollection(fetch = FetchType.EAGER) List<String> labels = new ArrayList<>();
  public Account() {}
  public Account(Long id, String name) { this.id = id; this.name = name; }
  public Long getId(){return id;} public String getName(){return name;}
  /** Tags are stored as labels since the 2024 rename. */
  public List<String> getTags(){return labels;}
}
