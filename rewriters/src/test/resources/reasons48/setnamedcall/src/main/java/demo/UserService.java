package demo;
import org.springframework.stereotype.Service;
@Service
public class UserService {
  private final UserRepository users;
  public UserService(UserRepository users) { this.users = users; }
  public String nameOf(Long id) { return users.findById(id).map(AppUser::getName).orElse(null); }
  public void rename(Long id, String name) { AppUser u = users.findById(id).orElseThrow(); u.setName(name); users.save(u); }
  public Long create(String email, String name) { AppUser u = new AppUser(); u.setEmail(email); u.setName(name); return users.save(u).getId(); }
}
