package demo;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

@Component
public class TenantAuthenticationProvider extends AbstractUserDetailsAuthenticationProvider {
    private final UserService users;
    private final PasswordEncoder encoder;

    public TenantAuthenticationProvider(UserService users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    protected UserDetails retrieveUser(String username, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        return account(username, String.valueOf(authentication.getDetails()))
            .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The tenant's account: a blank tenant is the default one. */
    private java.util.Optional<UserDetails> account(String username, String tenant) {
        return users.findLogin(username, tenant == null || tenant.isBlank() || tenant.equals("null") ? "default" : tenant);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails userDetails, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        Object presented = authentication.getCredentials();
        if (presented == null || !encoder.matches(presented.toString(), userDetails.getPassword())) {
            throw new BadCredentialsException("Bad credentials");
        }
    }
}
