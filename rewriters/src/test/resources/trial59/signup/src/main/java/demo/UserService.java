package demo;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService implements UserDetailsService {
    private final AppUserRepository users;
    private final RoleRepository roles;

    public UserService(AppUserRepository users, RoleRepository roles) {
        this.users = users;
        this.roles = roles;
    }

    /** The admin screen's read: a DTO without password; no login calls it. */
    @Transactional(readOnly = true)
    public UserDto findById(Long id) {
        AppUser u = users.findById(id).orElseThrow();
        return new UserDto(u.getId(), u.getEmail(), u.getRole().getAuthority());
    }

    /** Sign-up (not a login): reads the default role by name. */
    @Transactional
    public void signUp(String email, String encodedPassword) {
        AppUser u = new AppUser();
        u.setEmail(email);
        u.setPassword(encodedPassword);
        u.setRole(roles.findByAuthority("ROLE_OPERATOR"));
        users.save(u);
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        AppUser u = account(username);
        return User.withUsername(u.getEmail()).password(u.getPassword()).authorities(u.getRole().getAuthority()).build();
    }

    /** The login's own helper: a login runs it, so it is login code, not a read to cache. */
    @Transactional(readOnly = true)
    public AppUser account(String email) {
        AppUser u = users.findByEmail(email);
        if (u == null) {
            throw new UsernameNotFoundException(email);
        }
        return u;
    }
}
