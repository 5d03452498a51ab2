package r;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

@Configuration
public class SecurityConfig {
    private final UserDao userDao;
    public SecurityConfig(UserDao userDao) { this.userDao = userDao; }
    @Bean
    public UserDetailsService userDetailsService() {
        return email -> new AuthUser(userDao.getByEmail(email.toLowerCase()));
    }
}
