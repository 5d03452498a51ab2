package demo;

import java.util.Date;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts: Spring's login lookup and its remember-me tokens. */
@Service
public class AccountService implements UserDetailsService, PersistentTokenRepository {
    private final AppUserRepository users;
    private final RememberTokenRepository tokens;

    public AccountService(AppUserRepository users, RememberTokenRepository tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        AppUser u = users.findByEmail(username);
        if (u == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(u.getEmail()).password(u.getPassword()).authorities(u.getRole().getAuthority()).build();
    }

    /** The JWT filter's read: the account a token names. */
    @Transactional(readOnly = true)
    public AppUser accountForToken(Long id) {
        return users.findById(id).orElseThrow();
    }

    @Override
    @Transactional
    public void createNewToken(PersistentRememberMeToken token) {
        tokens.save(new RememberToken(token.getSeries(), token.getUsername(), token.getTokenValue(), token.getDate()));
    }

    @Override
    @Transactional
    public void updateToken(String series, String tokenValue, Date lastUsed) {
        RememberToken old = tokens.findBySeries(series);
        tokens.save(new RememberToken(series, old.getUsername(), tokenValue, lastUsed));
    }

    @Override
    @Transactional(readOnly = true)
    public PersistentRememberMeToken getTokenForSeries(String seriesId) {
        RememberToken t = tokens.findBySeries(seriesId);
        return t == null ? null : new PersistentRememberMeToken(t.getUsername(), t.getSeries(), t.getTokenValue(), t.getLastUsed());
    }

    @Override
    @Transactional
    public void removeUserTokens(String username) {
        tokens.deleteByUsername(username);
    }
}
