package demo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.springframework.stereotype.Service;
@Service
public class AuthService {
  /** Blanks what the response must not show, by a field updater (a lock-free masking helper). */
  private static final AtomicReferenceFieldUpdater<AppUser, String> NAME =
      AtomicReferenceFieldUpdater.newUpdater(AppUser.class, String.class, "name");
  private static final MethodHandle SET_NICKNAME;
  static {
    try {
      SET_NICKNAME = MethodHandles.lookup().findVirtual(AppUser.class, "setNickname",
          MethodType.methodType(void.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  private final UserRepository users;
  public AuthService(UserRepository users) { this.users = users; }

  /** Reads the user and answers its id, masking the name (writes no row). */
  public void login(String email) {
    AppUser user = users.findByEmail(email).orElseThrow();
    NAME.set(user, "");
    System.out.println("login " + user.getId());
  }

  /** Same, masking the nickname through a method handle. */
  public void loginByHandle(String email) throws Throwable {
    AppUser user = users.findByEmail(email).orElseThrow();
    SET_NICKNAME.invokeWithArguments(user, "");
    System.out.println("login " + user.getId());
  }
}
