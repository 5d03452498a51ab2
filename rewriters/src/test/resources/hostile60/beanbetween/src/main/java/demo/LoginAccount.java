package demo;

import org.springframework.security.core.userdetails.User;

/** What a tenant login needs: the principal it hands on and the tenant it belongs to. */
public record LoginAccount(User principal, String tenant) {
}
