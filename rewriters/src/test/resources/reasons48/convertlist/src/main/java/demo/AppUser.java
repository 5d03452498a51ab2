package demo;
import javax.persistence.*;
@Entity
public class AppUser {
  @Id @GeneratedValue private Long id;
  private String email;
  public String getEmail() { return email; }
  public void setEmail(String e) { this.email = e; }
}
