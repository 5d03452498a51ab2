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
    private final AccountLoader loader;

    public UserService(AppUserRepository users, @org.springframework.context.annotation.Lazy AccountLoader loader) {
        this.users = users;
        this.loader = loader;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return loader.load(username).principal();
    }

    /** The account of a tenant, with the principal a login hands on. */
    @Transactional(readOnly = true)
    public LoginAccount accountOf(String email, String tenant) {
        AppUser u = users.findOneByEmailAndTenant(email, tenant).orElseThrow(() -> new UsernameNotFoundException(email));
        User principal = (User) User.withUsername(u.getEmail()).password(u.getPassword())
            .authorities(u.getRole().getAuthority()).build();
        return new LoginAccount(principal, u.getTenant());
    }
}
