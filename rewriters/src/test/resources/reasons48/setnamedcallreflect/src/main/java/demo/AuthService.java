package demo;

import org.springframework.stereotype.Service;

@Service
public class AuthService {
  private final UserRepository users;
  private final SessionCache sessions;

  public AuthService(UserRepository users, SessionCache sessions) { this.users = users; this.sessions = sessions; }

  /** Blanks the user's name by reflection: a change of what findByEmail answers. */
  public void login(String email) throws ReflectiveOperationException {
    AppUser user = users.findByEmail(email).orElseThrow();
    java.lang.reflect.Field name = AppUser.class.getDeclaredField("name");
    name.setAccessible(true);
    name.set(user, "");
    sessions.set(user.getId(), user.getEmail());
  }
}
