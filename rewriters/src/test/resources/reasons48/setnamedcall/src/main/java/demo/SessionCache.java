package demo;
import org.springframework.stereotype.Component;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
/** Like C's UserSessionCache: remembers who logged in. Its set(..) writes only its own map. */
@Component
public class SessionCache {
  private final Map<Long, String> sessions = new ConcurrentHashMap<>();
  public void set(Long userId, String email) { sessions.put(userId, email); }
  public String get(Long userId) { return sessions.get(userId); }
}
