package shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.GenericFilterBean;

/** JHipster's remember-me services in small: a library superclass runs its steps on the object itself. */
@Component
public class TokenFilter extends GenericFilterBean {
    private final TokenRepository tokenRepository;

    public TokenFilter(TokenRepository tokenRepository) { this.tokenRepository = tokenRepository; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }

    public String refresh(String series, String presented, String agent) {
        Token token = getToken(series, presented);
        String login = token.getUser().getLogin();
        token.setTokenDate(LocalDate.now());
        token.setTokenValue(java.util.UUID.randomUUID().toString());
        token.setUserAgent(agent);
        tokenRepository.saveAndFlush(token);
        return login;
    }

    private Token getToken(String series, String presented) {
        Optional<Token> optionalToken = tokenRepository.findById(series);
        Token token = optionalToken.orElseThrow();
        if (!presented.equals(token.getTokenValue())) {
            tokenRepository.deleteById(token.getSeries());
            throw new IllegalStateException("theft");
        }
        if (token.getTokenDate().plusDays(30).isBefore(LocalDate.now())) {
            tokenRepository.deleteById(token.getSeries());
            throw new IllegalStateException("expired");
        }
        return token;
    }
}
