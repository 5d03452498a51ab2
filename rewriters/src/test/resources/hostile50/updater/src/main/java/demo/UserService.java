package demo;
import org.springframework.stereotype.Service;
@Service
public class UserService {
  private final UserRepository users;
  public UserService(UserRepository users) { this.users = users; }
  public Long create(String email, String name) { AppUser u = new AppUser(); u.setEmail(email); u.setName(name); u.setNickname(name.toLowerCase()); return users.save(u).getId(); }
  public void rename(Long id, String name) { AppUser u = users.findById(id).orElseThrow(); u.setName(name); users.save(u); }
}
