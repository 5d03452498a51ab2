package demo;

import org.springframework.stereotype.Component;

/** Picks the tenant of a login: the default one unless the name says otherwise (ann@example.com#acme). */
@Component
public class AccountLoader {
    private final UserService users;

    public AccountLoader(UserService users) {
        this.users = users;
    }

    public LoginAccount load(String login) {
        int hash = login.indexOf('#');
        return hash < 0 ? users.accountOf(login, "default") : users.accountOf(login.substring(0, hash), login.substring(hash + 1));
    }
}
