package demo;
import org.springframework.stereotype.Service;
@Service
public class AuthService {
  private final UserRepository users;
  private final SessionCache sessions;
  public AuthService(UserRepository users, SessionCache sessions) { this.users = users; this.sessions = sessions; }
  /** Reads the user and records a session: writes no row. */
  public void login(String email) {
    AppUser user = users.findByEmail(email).orElseThrow();
    sessions.set(user.getId(), user.getEmail());
  }
}
