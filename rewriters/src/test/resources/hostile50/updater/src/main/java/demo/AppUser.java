package demo;
import javax.persistence.*;
@Entity
public class AppUser {
  @Id @GeneratedValue private Long id;
  private String email;
  volatile String name;
  volatile String nickname;
  public Long getId() { return id; }
  public String getEmail() { return email; }
  public void setEmail(String e) { this.email = e; }
  public String getName() { return name; }
  public void setName(String n) { this.name = n; }
  public String getNickname() { return nickname; }
  public void setNickname(String n) { this.nickname = n; }
}
