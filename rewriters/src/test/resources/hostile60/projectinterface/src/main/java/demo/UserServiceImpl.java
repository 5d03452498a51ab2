package demo;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserServiceImpl implements UserService, UserDetailsService {
    private final AppUserRepository users;

    public UserServiceImpl(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        AppUser u = users.findOneByEmail(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(u.getEmail()).password(u.getPassword()).authorities(u.getRole().getAuthority()).build();
    }

    /** The admin's read: no password. */
    @Override
    @Transactional(readOnly = true)
    public UserDto findById(Long id) {
        AppUser u = users.findById(id).orElseThrow();
        return new UserDto(u.getId(), u.getEmail(), u.getTenant());
    }
}
