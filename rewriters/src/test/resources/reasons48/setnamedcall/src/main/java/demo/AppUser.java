package demo;
import javax.persistence.*;
@Entity
public class AppUser {
  @Id @GeneratedValue private Long id;
  private String email;
  private String name;
  public Long getId() { return id; }
  public String getEmail() { return email; }
  public void setEmail(String e) { this.email = e; }
  public String getName() { return name; }
  public void setName(String n) { this.name = n; }
}
