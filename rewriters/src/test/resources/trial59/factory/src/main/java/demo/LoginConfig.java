package demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The login as a lambda a @Bean method makes: what the lambda reads, a login reads. */
@Configuration
public class LoginConfig {
    @Bean
    public UserDetailsService operators(OperatorRepository operators) {
        return username -> {
            Operator found = operators.findByLogin(username);
            return User.withUsername(found.getLogin()).password(found.getSecret()).authorities("OPS").build();
        };
    }
}
