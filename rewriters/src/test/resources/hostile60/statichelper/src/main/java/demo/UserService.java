package demo;

import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService implements UserDetailsService {
    private final AppUserRepository users;

    public UserService(AppUserRepository users) {
        this.users = users;
    }

    /** Spring's callback (remember-me): the default tenant's account. */
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        AppUser u = LoginSupport.account(users, username);
        return User.withUsername(u.getEmail()).password(u.getPassword()).authorities(u.getRole().getAuthority()).build();
    }

    /** The login of TenantAuthenticationProvider: the account of this tenant a login checks, if any. */
    @Transactional(readOnly = true)
    public Optional<UserDetails> findLogin(String email, String tenant) {
        return users.findOneByEmailAndTenant(email, tenant)
            .map(u -> User.withUsername(u.getEmail()).password(u.getPassword()).authorities(u.getRole().getAuthority()).build());
    }
}
