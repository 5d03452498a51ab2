package demo;

import org.springframework.security.core.userdetails.UsernameNotFoundException;

final class LoginSupport {
    private LoginSupport() {
    }

    static AppUser account(AppUserRepository users, String login) {
        return users.findOneByEmail(login.trim().toLowerCase()).orElseThrow(() -> new UsernameNotFoundException(login));
    }
}
