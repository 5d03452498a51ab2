package demo;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;

/** Spring's JdbcDaoImpl login, reading the accounts through JPA. */
public class AppUserDetailsService extends JdbcDaoImpl {
    private final AppUserRepository users;

    public AppUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    protected List<UserDetails> loadUsersByUsername(String username) {
        return users.findOneByEmail(username)
            .map(u -> List.<UserDetails>of(User.withUsername(u.getEmail()).password(u.getPassword())
                .authorities(u.getRole().getAuthority()).disabled(false).build()))
            .orElse(List.of());
    }

    /** The account's role: its one authority. */
    @Override
    protected List<GrantedAuthority> loadUserAuthorities(String username) {
        return users.findOneByEmail(username)
            .map(u -> List.<GrantedAuthority>of(new SimpleGrantedAuthority(u.getRole().getAuthority())))
            .orElse(List.of());
    }

    /** The account read already is the login's UserDetails: its authorities included. */
    @Override
    protected UserDetails createUserDetails(String username, UserDetails userFromUserQuery,
            List<GrantedAuthority> combinedAuthorities) {
        return userFromUserQuery;
    }
}
