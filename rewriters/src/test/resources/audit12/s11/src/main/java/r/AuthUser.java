package r;

import java.util.List;

// Holds the loaded user; final field, getter only; nobody in the project changes what getUser() returns.
public class AuthUser extends org.springframework.security.core.userdetails.User {
    private final AppUser user;
    public AuthUser(AppUser user) {
        super(user.getEmail(), user.getPassword(), List.of());
        this.user = user;
    }
    public AppUser getUser() { return user; }
    public int id() { return user.getId(); }
}
